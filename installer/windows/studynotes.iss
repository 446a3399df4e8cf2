; Inno Setup script of the Windows installer of 学习札记 (Study Notes).
;
; Built by installer\windows\build.ps1, which first makes the PyInstaller bundle
; dist\studynotes\ and passes the version from pyproject.toml:
;
;   ISCC.exe /DAppVersion=0.1.0 /DAppNumericVersion=0.1.0.0 installer\windows\studynotes.iss
;
; Output: dist\studynotes-<version>-setup.exe
;
; Office PCs: installs per user by default, without administrator rights, into
; %LOCALAPPDATA%\Programs\StudyNotes ({autopf} of a non-administrative install); an
; administrator can still choose "install for all users" (Program Files) in the first
; dialog or with /ALLUSERS. The uninstaller keeps the user's library unless asked.
;
; This file is UTF-8 with a byte-order mark: Inno Setup 6 needs the BOM to read the
; Chinese text correctly. ChineseSimplified.isl is one of Inno Setup's *unofficial*
; translations (maintained by volunteers, not shipped with Inno Setup): build.ps1 fetches
; it from the Inno Setup source repository (Files/Languages/Unofficial) into this folder.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppNumericVersion
  #define AppNumericVersion "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\studynotes"
#endif
#define AppNameZh "学习札记"
#define AppExe "studynotes-gui.exe"

[Setup]
; The AppId identifies the program across versions (upgrades, uninstall): never change it.
AppId={{6F1C2B1E-4D0B-4A8E-9C3E-5B7A2F90D1A4}
AppName={#AppNameZh}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppVersion}
AppPublisher=Study Notes team
AppCopyright=GPL-3.0-or-later
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppNameZh}
VersionInfoDescription={#AppNameZh} Study Notes Setup
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\StudyNotes
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir=..\..\dist
OutputBaseFilename=studynotes-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\studynotes.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameZh}
LicenseFile=..\..\resources\licenses\GPL-3.0.txt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Qt 6 runs on 64-bit Windows 10 and later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppComment=阅读、标注学习心得，编写学习简报
english.AppComment=Read, mark and brief pages of study reflections
chinesesimplified.DeleteUserData=是否同时删除您的学习资料库、设置和日志？%n%n它们保存在：%n%1%n%n选择“否”（推荐）将保留这些资料，重新安装后可以继续使用。
english.DeleteUserData=Also delete your study library, settings and logs?%n%nThey are kept in:%n%1%n%nChoose No (recommended) to keep them for a later installation.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs; Excludes: ".studynotes-bundle-version"

[Icons]
Name: "{autoprograms}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The user's data: desktop.paths keeps the library, cache and logs in platformdirs'
  local (not roaming) folder, %LOCALAPPDATA%\StudyNotes\StudyNotes, and the settings
  in the registry under HKCU\Software\StudyNotes (QSettings). }
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\StudyNotes');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    { Silent uninstalls (software deployment) always keep the data. The question
      defaults to No: uninstalling the program is not deleting someone's notes. }
    if DirExists(UserDataDir()) and not UninstallSilent() then
    begin
      if SuppressibleMsgBox(FmtMessage(CustomMessage('DeleteUserData'), [UserDataDir()]),
                            mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
      begin
        DelTree(UserDataDir(), True, True, True);
        RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\StudyNotes');
      end;
    end;
  end;
end;
