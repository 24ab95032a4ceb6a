; Inno Setup 6 script: a per-user installer for Speech Composer (讲稿编排).
;
; No administrator rights: installs into %LOCALAPPDATA%\Programs, writes only to HKCU.
; Built by packaging\build.py after the PyInstaller bundle, which passes the version from
; pyproject.toml:
;   ISCC /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 packaging\windows\speech-composer.iss
; Relative paths are relative to this folder (packaging\windows).  Saved as UTF-8 with a byte
; order mark: without it Inno Setup would read the Chinese text in the ANSI code page.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z /DAppVersionNumeric=X.Y.Z.0 (packaging\build.py does)
#endif
#ifndef AppVersionNumeric
  #error Pass the numeric version: /DAppVersionNumeric=X.Y.Z.0
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\speech-composer"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
; The windowed application; speech-composer-cli.exe beside it is the console twin for scripts.
#define AppExe "speech-composer.exe"
#define SpeechProgId "SpeechComposer.Speech"
#define LibraryProgId "SpeechComposer.Library"

[Setup]
; The AppId identifies the installation for updates and uninstall: never change it.
AppId={{6E0C4A52-8F0B-4C39-9E57-3B1D2A7C9F14}
AppName=讲稿编排 Speech Composer
AppVersion={#AppVersion}
AppVerName=讲稿编排 Speech Composer {#AppVersion}
AppPublisher=Speech Composer
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription=讲稿编排 Speech Composer Setup
DefaultDirName={autopf}\Speech Composer
DefaultGroupName=讲稿编排
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=speech-composer-{#AppVersion}-setup
SetupIconFile=speech-composer.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=讲稿编排 Speech Composer
ChangesAssociations=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; Not every Inno Setup release ships the Chinese messages: use them when this one has them.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both executables and _internal\ with Python, Qt and resources.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the bundle's internals whole, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\讲稿编排 Speech Composer"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\讲稿编排 Speech Composer"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; File types, per user (HKA is HKCU\Software\Classes in a per-user install).  Explorer goes by
; the last extension only (".yaml"): Speech Composer becomes the .yaml handler when no other
; program is (the usual office PC), and is offered under "Open with" otherwise.  The double
; extensions are registered too, for programs that ask for them.
Root: HKA; Subkey: "Software\Classes\.speech.yaml"; ValueType: string; ValueName: ""; ValueData: "{#SpeechProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.library.yaml"; ValueType: string; ValueName: ""; ValueData: "{#LibraryProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.yaml\OpenWithProgids"; ValueType: string; ValueName: "{#SpeechProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.yaml"; ValueType: string; ValueName: ""; ValueData: "{#SpeechProgId}"; Flags: uninsdeletevalue; Check: YamlIsFree
Root: HKA; Subkey: "Software\Classes\{#SpeechProgId}"; ValueType: string; ValueName: ""; ValueData: "讲话稿 Speech"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#SpeechProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#SpeechProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""
Root: HKA; Subkey: "Software\Classes\{#LibraryProgId}"; ValueType: string; ValueName: ""; ValueData: "素材库 Library pack"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#LibraryProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "讲稿编排 Speech Composer"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".yaml"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,讲稿编排}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: the user's speeches, library and settings are never touched.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
{ True when no program (or only Speech Composer) handles .yaml files for this user. }
function YamlIsFree: Boolean;
var
  Handler: String;
begin
  Result := (not RegQueryStringValue(HKCR, '.yaml', '', Handler)) or (Handler = '')
            or (Handler = '{#SpeechProgId}');
end;
