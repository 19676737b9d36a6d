@echo off
rem Starts the MotCua commune client. Needs Java 21 or newer (java on PATH, or JAVA_HOME set).
rem The server address comes from MOTCUA_SERVER_URL, default http://127.0.0.1:8080.
setlocal
cd /d "%~dp0"
set JAVA=java
if defined JAVA_HOME set JAVA="%JAVA_HOME%\bin\java"
if not defined MOTCUA_SERVER_URL set MOTCUA_SERVER_URL=http://127.0.0.1:8080
for %%f in (plugins\org.eclipse.equinox.launcher_*.jar) do set LAUNCHER=%%f
%JAVA% -Dfile.encoding=UTF-8 -Dmotcua.server.url=%MOTCUA_SERVER_URL% -jar "%LAUNCHER%" -nl vi_VN %*
if errorlevel 1 (
  echo Khong khoi dong duoc MotCua. Can cai Java 21 tro len. / MotCua could not start: Java 21+ is required.
  pause
)
