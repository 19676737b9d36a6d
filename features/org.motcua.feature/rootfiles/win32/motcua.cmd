@echo off
rem Starts the MotCua commune client. Needs Java 21 or newer (java on PATH, or JAVA_HOME set).
rem The server address comes from MOTCUA_SERVER_URL, default http://127.0.0.1:8080; MOTCUA_JAVA_OPTS adds Java options.
rem boot\motcua-boot.jar picks the installed version (an update, or a rollback) and starts Equinox's launcher.
rem The Java options are those of motcua.sh, chosen for a fast start on a 2-core PC (ARCHITECTURE.md, "Start-up").
setlocal
cd /d "%~dp0"
set JAVA=java
if defined JAVA_HOME set JAVA="%JAVA_HOME%\bin\java"
if not defined MOTCUA_SERVER_URL set MOTCUA_SERVER_URL=http://127.0.0.1:8080
%JAVA% -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=configuration\motcua.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dfile.encoding=UTF-8 -Dmotcua.server.url=%MOTCUA_SERVER_URL% %MOTCUA_JAVA_OPTS% -jar boot\motcua-boot.jar -nl vi_VN %*
if errorlevel 1 (
  echo Khong khoi dong duoc MotCua. Can cai Java 21 tro len. / MotCua could not start: Java 21+ is required.
  pause
)
