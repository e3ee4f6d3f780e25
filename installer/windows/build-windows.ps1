# Build the Windows installer of Liaison on a Windows 10/11 x64 machine:
#     powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1
# Needs Python 3.12 (the py launcher) and Inno Setup 6 (ISCC.exe on the PATH or in its default
# folder). Makes dist\liaison\ with PyInstaller (installer\liaison.spec, the same spec as the .deb),
# checks the frozen program, then dist\Liaison-VERSION-setup.exe. docs\packaging.md says more.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

function Step($text) { Write-Host "[build-windows] $text" }
function Run($exe, [string[]]$argv) {
    & $exe @argv
    if ($LASTEXITCODE -ne 0) { throw "$exe $($argv -join ' ') failed with $LASTEXITCODE" }
}

Step "virtualenv .venv-win with Python 3.12"
if (-not (Test-Path ".venv-win\Scripts\python.exe")) { Run "py" @("-3.12", "-m", "venv", ".venv-win") }
$Python = Join-Path $Root ".venv-win\Scripts\python.exe"
Run $Python @("-m", "pip", "install", "-q", "--upgrade", "pip")
Run $Python @("-m", "pip", "install", "-q", ".[build]")
$Version = & $Python -c "import liaison; print(liaison.__version__)"

Step "freezing Liaison $Version with PyInstaller"
if (-not $env:SOURCE_DATE_EPOCH) { $env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct) }
Run $Python @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "dist",
              "--workpath", "build\windows", "installer\liaison.spec")

Step "checking the frozen program (liaison-cli.exe)"
$Cli = Join-Path $Root "dist\liaison\liaison-cli.exe"
$Check = Join-Path $env:TEMP ("liaison-check-" + [guid]::NewGuid())
New-Item -ItemType Directory $Check | Out-Null
$env:LIAISON_LOG_DIR = Join-Path $Check "log"
$Db = Join-Path $Check "check.sqlite"
Run $Cli @("--version")
Run $Cli @("--db", $Db, "init")
Run $Cli @("--db", $Db, "demo", "--scale", "small")
Run $Cli @("--db", $Db, "stats", "--from", "2025-01-01", "--to", "2025-12-31")

Step "building the installer with Inno Setup"
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 (ISCC.exe) not found: install it from jrsoftware.org" }
$Chinese = Join-Path (Split-Path $Iscc) "Languages\ChineseSimplified.isl"
if (-not (Test-Path $Chinese)) {
    throw "Inno Setup has no Languages\ChineseSimplified.isl: copy it there from jrsoftware.org/files/istrans/"
}
Run $Iscc @("/Q", "/DAppVersion=$Version", "/DDistDir=$Root\dist\liaison", "installer\windows\liaison.iss")
Step "built dist\Liaison-$Version-setup.exe"
