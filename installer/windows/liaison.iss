; Inno Setup script of the Windows installer: a per-user install (no administrator rights) of the
; PyInstaller folder dist\liaison, with Chinese pages, start-menu and desktop shortcuts, the .lsb
; file type, and an uninstaller that leaves the user's data (%LOCALAPPDATA%\Liaison) in place.
; Built by build-windows.ps1:  ISCC.exe /DAppVersion=0.1.0 /DDistDir=..\..\dist\liaison liaison.iss

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (build-windows.ps1 does)
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\liaison"
#endif

[Setup]
AppId={{6F1C2B9E-5D1A-4C47-9B8E-3A1F0E6C2D71}
AppName=百千万企业走访联络系统
AppVersion={#AppVersion}
AppVerName=百千万企业走访联络系统 {#AppVersion}
AppPublisher=Liaison
DefaultDirName={autopf}\Liaison
DefaultGroupName=百千万企业走访联络
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=Liaison-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\liaison.ico
UninstallDisplayIcon={app}\liaison.exe
UninstallDisplayName=百千万企业走访联络系统
LicenseFile=..\..\resources\NOTICES.txt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the program folder whole (a file the new build no longer has must not stay)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\百千万企业走访联络"; Filename: "{app}\liaison.exe"
Name: "{group}\卸载 百千万企业走访联络"; Filename: "{uninstallexe}"
Name: "{autodesktop}\百千万企业走访联络"; Filename: "{app}\liaison.exe"; Tasks: desktopicon

[Registry]
; .lsb: the user's own classes (HKCU, no administrator rights); double-click opens the preview
Root: HKA; Subkey: "Software\Classes\.lsb"; ValueType: string; ValueName: ""; ValueData: "Liaison.Bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Liaison.Bundle"; ValueType: string; ValueName: ""; ValueData: "百千万企业走访联络同步包"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Liaison.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\liaison.exe"",0"
Root: HKA; Subkey: "Software\Classes\Liaison.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\liaison.exe"" ""%1"""

[Run]
Filename: "{app}\liaison.exe"; Description: "{cm:LaunchProgram,百千万企业走访联络}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the databases, backups and logs in %LOCALAPPDATA%\Liaison are the user's
; and stay when the program is removed.
