/*
 * MotCua.exe: what an officer double-clicks on Windows. Eclipse's native launcher is not on Maven Central, so the
 * product carries this small one, cross-compiled with Debian's mingw-w64 (product/launcher/build.sh).
 *
 * It finds Java (the product's own runtime\, else JAVA_HOME, else javaw.exe on PATH), checks it is 21 or newer,
 * builds the arguments of the product's boot (boot\motcua-boot.jar, which picks the installed version and starts
 * Equinox's launcher; the Java options of motcua.cmd; the desk's data in %LOCALAPPDATA%\MotCua
 * unless -data is given; the log rotated there), makes the desktop and Start-menu shortcuts on the first start, and
 * starts javaw.exe without a console window. When Java is missing or too old, or the desk ends with an error, it
 * says so in a Vietnamese message box.
 *
 * MOTCUA_LAUNCHER_DRY_RUN=<file> writes what it would run (or the message it would show) to that file instead of
 * starting Java or showing a box: how the tests check it under wine.
 */
#define WIN32_LEAN_AND_MEAN
#define COBJMACROS
#include <windows.h>
#include <shellapi.h>
#include <shlobj.h>
#include <shobjidl.h>
#include <objbase.h>
#include <stdio.h>
#include <wchar.h>

#define MIN_JAVA 21
#define CMD_MAX 32768

static const wchar_t *TITLE = L"MotCua — Một cửa xã";

static wchar_t dry_run[MAX_PATH];

/* Shows a message to the officer, or writes it to the dry-run file. */
static void tell(const wchar_t *text) {
    if (dry_run[0]) {
        FILE *f = _wfopen(dry_run, L"ab");
        if (f) {
            char utf8[4096];
            int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof utf8, NULL, NULL);
            fprintf(f, "MESSAGE %.*s\n", n > 0 ? n - 1 : 0, utf8);
            fclose(f);
        }
        return;
    }
    MessageBoxW(NULL, text, TITLE, MB_OK | MB_ICONWARNING);
}

static void note(const char *key, const wchar_t *value) {
    FILE *f = _wfopen(dry_run, L"ab");
    if (f) {
        char utf8[CMD_MAX * 3];
        int n = WideCharToMultiByte(CP_UTF8, 0, value, -1, utf8, sizeof utf8, NULL, NULL);
        fprintf(f, "%s %.*s\n", key, n > 0 ? n - 1 : 0, utf8);
        fclose(f);
    }
}

static BOOL exists(const wchar_t *path) {
    DWORD a = GetFileAttributesW(path);
    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

/* The major version a Java home's "release" file names (JAVA_VERSION="21.0.5" or "1.8.0_401"), 0 if unknown. */
static int java_major(const wchar_t *home) {
    wchar_t path[MAX_PATH];
    swprintf(path, MAX_PATH, L"%ls\\release", home);
    FILE *f = _wfopen(path, L"rb");
    if (!f) {
        return 0;
    }
    char line[512];
    int major = 0;
    while (fgets(line, sizeof line, f)) {
        int a = 0, b = 0;
        if (sscanf(line, "JAVA_VERSION=\"%d.%d", &a, &b) >= 1) {
            major = a == 1 ? b : a;
            break;
        }
    }
    fclose(f);
    return major;
}

/* javaw.exe of the product's runtime, JAVA_HOME or PATH into java (its home into home); FALSE if none. */
static BOOL find_java(const wchar_t *dir, wchar_t *java, wchar_t *home) {
    swprintf(home, MAX_PATH, L"%ls\\runtime", dir);
    swprintf(java, MAX_PATH, L"%ls\\bin\\javaw.exe", home);
    if (exists(java)) {
        return TRUE;
    }
    if (GetEnvironmentVariableW(L"JAVA_HOME", home, MAX_PATH) > 0) {
        swprintf(java, MAX_PATH, L"%ls\\bin\\javaw.exe", home);
        if (exists(java)) {
            return TRUE;
        }
    }
    if (SearchPathW(NULL, L"javaw.exe", NULL, MAX_PATH, java, NULL) > 0) {
        wcscpy(home, java);
        for (int up = 0; up < 2; up++) {   /* ...\bin\javaw.exe -> ... */
            wchar_t *slash = wcsrchr(home, L'\\');
            if (slash) {
                *slash = 0;
            }
        }
        return TRUE;
    }
    return FALSE;
}

/* The boot (boot\motcua-boot.jar) picks the installed version to start and hands over to Equinox's launcher. */
static const wchar_t *BOOT_JAR = L"boot\\motcua-boot.jar";

static BOOL boot_jar_present(void) {
    return GetFileAttributesW(BOOT_JAR) != INVALID_FILE_ATTRIBUTES;
}

/* Appends one argument, quoted the way CommandLineToArgvW reads it back. */
static void append_arg(wchar_t *cmd, const wchar_t *arg) {
    size_t n = wcslen(cmd);
    if (n > 0) {
        cmd[n++] = L' ';
    }
    BOOL quote = arg[0] == 0 || wcspbrk(arg, L" \t\"") != NULL;
    if (quote) {
        cmd[n++] = L'"';
    }
    for (const wchar_t *p = arg; *p && n < CMD_MAX - 4; p++) {
        int slashes = 0;
        while (*p == L'\\') {
            slashes++;
            p++;
        }
        if (*p == 0 && quote) {
            slashes *= 2;            /* backslashes before the closing quote are doubled */
        } else if (*p == L'"') {
            slashes = slashes * 2 + 1;
        }
        while (slashes-- > 0 && n < CMD_MAX - 4) {
            cmd[n++] = L'\\';
        }
        if (*p == 0) {
            break;
        }
        cmd[n++] = *p;
    }
    if (quote) {
        cmd[n++] = L'"';
    }
    cmd[n] = 0;
}

/* Makes a shortcut to exe in the known folder, once (an existing one is left as the officer may have changed it). */
static void shortcut(REFKNOWNFOLDERID folder, const wchar_t *exe, const wchar_t *dir) {
    PWSTR base = NULL;
    if (FAILED(SHGetKnownFolderPath(folder, KF_FLAG_CREATE, NULL, &base))) {
        return;
    }
    wchar_t lnk[MAX_PATH];
    swprintf(lnk, MAX_PATH, L"%ls\\MotCua.lnk", base);
    CoTaskMemFree(base);
    if (GetFileAttributesW(lnk) != INVALID_FILE_ATTRIBUTES) {
        return;
    }
    IShellLinkW *link = NULL;
    if (FAILED(CoCreateInstance(&CLSID_ShellLink, NULL, CLSCTX_INPROC_SERVER, &IID_IShellLinkW, (void **) &link))) {
        return;
    }
    IShellLinkW_SetPath(link, exe);
    IShellLinkW_SetWorkingDirectory(link, dir);
    IShellLinkW_SetDescription(link, L"Tiếp nhận và trả kết quả hồ sơ một cửa");
    IPersistFile *file = NULL;
    if (SUCCEEDED(IShellLinkW_QueryInterface(link, &IID_IPersistFile, (void **) &file))) {
        IPersistFile_Save(file, lnk, TRUE);
        IPersistFile_Release(file);
    }
    IShellLinkW_Release(link);
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR args, int show) {
    (void) instance; (void) previous; (void) args; (void) show;
    GetEnvironmentVariableW(L"MOTCUA_LAUNCHER_DRY_RUN", dry_run, MAX_PATH);

    wchar_t exe[MAX_PATH], dir[MAX_PATH];
    GetModuleFileNameW(NULL, exe, MAX_PATH);
    wcscpy(dir, exe);
    *wcsrchr(dir, L'\\') = 0;
    SetCurrentDirectoryW(dir);

    wchar_t java[MAX_PATH], home[MAX_PATH];
    if (!find_java(dir, java, home)) {
        tell(L"Không tìm thấy Java nên MotCua chưa khởi động được.\n\n"
             L"Hãy giải nén lại bản cài đặt đầy đủ của MotCua (có thư mục runtime), hoặc cài Java 21 trở lên "
             L"(ví dụ Eclipse Temurin 21, bản dành cho Windows x64) rồi mở lại MotCua.\n\n"
             L"Nếu cần, hãy nhờ cán bộ công nghệ thông tin của huyện hoặc tỉnh.");
        return 2;
    }
    int major = java_major(home);
    if (major > 0 && major < MIN_JAVA) {
        wchar_t text[1024];
        swprintf(text, 1024, L"MotCua cần Java %d trở lên, nhưng máy này có Java %d (%ls).\n\n"
                 L"Hãy cài Java 21 trở lên (ví dụ Eclipse Temurin 21, bản dành cho Windows x64) rồi mở lại MotCua.",
                 MIN_JAVA, major, home);
        tell(text);
        return 2;
    }
    if (!boot_jar_present()) {
        tell(L"Bản cài đặt MotCua bị thiếu tệp (boot\\motcua-boot.jar). Hãy giải nén lại bản cài đặt.");
        return 3;
    }

    int argc = 0;
    LPWSTR *argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    BOOL has_data = FALSE;
    for (int i = 1; i < argc; i++) {
        has_data |= wcscmp(argv[i], L"-data") == 0;
    }
    wchar_t data[MAX_PATH] = L"";
    if (!has_data) {
        if (GetEnvironmentVariableW(L"LOCALAPPDATA", data, MAX_PATH - 8) > 0) {
            wcscat(data, L"\\MotCua");
        } else {
            swprintf(data, MAX_PATH, L"%ls\\workspace", dir);   /* no profile folder: beside the product */
        }
        CreateDirectoryW(data, NULL);
    }

    static wchar_t cmd[CMD_MAX];
    wchar_t url[1024] = L"http://127.0.0.1:8080", property[1100];
    GetEnvironmentVariableW(L"MOTCUA_SERVER_URL", url, 1024);
    swprintf(property, 1100, L"-Dmotcua.server.url=%ls", url);
    append_arg(cmd, java);
    const wchar_t *options[] = {L"-XX:TieredStopAtLevel=1", L"-XX:+UseSerialGC", L"-XX:+AutoCreateSharedArchive",
        L"-XX:SharedArchiveFile=configuration\\motcua.jsa", L"-Xlog:cds=off", L"-Xlog:cds+dynamic=off",
        L"-Dfile.encoding=UTF-8", L"-Declipse.log.size.max=1000", L"-Declipse.log.backup.max=5", property};
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        append_arg(cmd, options[i]);
    }
    static wchar_t extra[CMD_MAX];   /* MOTCUA_JAVA_OPTS: options separated by spaces, as in motcua.cmd */
    if (GetEnvironmentVariableW(L"MOTCUA_JAVA_OPTS", extra, CMD_MAX) > 0) {
        wcscat(cmd, L" ");
        wcscat(cmd, extra);
    }
    append_arg(cmd, L"-jar");
    append_arg(cmd, BOOT_JAR);
    append_arg(cmd, L"-nl");
    append_arg(cmd, L"vi_VN");
    if (!has_data) {
        append_arg(cmd, L"-data");
        append_arg(cmd, data);
    }
    for (int i = 1; i < argc; i++) {
        append_arg(cmd, argv[i]);
    }
    LocalFree(argv);

    if (SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED))) {
        shortcut(&FOLDERID_Desktop, exe, dir);
        shortcut(&FOLDERID_Programs, exe, dir);
        CoUninitialize();
    }

    if (dry_run[0]) {
        note("JAVA", java);
        note("COMMAND", cmd);
        return 0;
    }
    STARTUPINFOW si;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(java, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, dir, &si, &pi)) {
        tell(L"Không chạy được Java của MotCua. Hãy giải nén lại bản cài đặt hoặc cài lại Java 21 trở lên.");
        return 4;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 0;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    if (code != 0) {
        wchar_t text[1024];
        swprintf(text, 1024, L"MotCua đã dừng vì lỗi (mã %lu). Nhật ký ở %ls\\.metadata\\.log — hãy gửi tệp này "
                 L"cho cán bộ công nghệ thông tin.", code, has_data ? L"thư mục dữ liệu" : data);
        tell(text);
    }
    return (int) code;
}
