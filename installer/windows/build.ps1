# Build the Windows installer of 学习札记 in one command, from the repository's root:
#
#     powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs: 64-bit Windows 10+, Python 3.10-3.13 (x64) on the PATH as `py` or `python`,
# Inno Setup 6 (ISCC.exe; installed with Chocolatey if missing and choco is available),
# and the internet for pip and for Inno Setup's unofficial Chinese translation.
# Output: dist\studynotes\ (the bundle) and dist\studynotes-<version>-setup.exe.
# The GitHub Actions workflow .github/workflows/windows-installer.yml runs this script.

param(
    [string]$Python = "",
    [string]$Iscc = "",
    # Inno Setup's unofficial Simplified Chinese messages, from its source repository.
    [string]$ChineseIslUrl = "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/ChineseSimplified.isl"
)

$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# 1. A virtualenv with the app and PyInstaller (pyproject's `build` extra).
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) { $Python = "py" } else { $Python = "python" }
}
$Venv = Join-Path $Root "build\venv-windows"
if (-not (Test-Path (Join-Path $Venv "Scripts\python.exe"))) {
    if ($Python -eq "py") { Invoke-Checked "py" @("-3", "-m", "venv", $Venv) }
    else { Invoke-Checked $Python @("-m", "venv", $Venv) }
}
$VenvPython = Join-Path $Venv "Scripts\python.exe"
Invoke-Checked $VenvPython @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $VenvPython @("-m", "pip", "install", "--quiet", "-e", ".[build]")

# 2. The one-folder bundle (version resource, prebuilt jieba cache, PyInstaller).
Invoke-Checked $VenvPython @("installer\bundle.py")
$Version = (& $VenvPython -c "import sys; sys.path.insert(0, 'installer'); import buildinfo; print(buildinfo.project_version())").Trim()
$Numeric = (& $VenvPython -c "import sys; sys.path.insert(0, 'installer'); import buildinfo; print('.'.join(map(str, buildinfo.version_tuple(buildinfo.project_version()))))").Trim()

# 3. Smoke test of the frozen console executable before packaging it.
$Reported = (& "dist\studynotes\studynotes.exe" --version).Trim()
if ($Reported -ne "studynotes $Version") { throw "The bundle reports '$Reported', expected 'studynotes $Version'" }
$env:QT_QPA_PLATFORM = "offscreen"
$env:STUDYNOTES_HOME = Join-Path $env:TEMP "studynotes-build-check"
Invoke-Checked "dist\studynotes\studynotes.exe" @("parse", "--json", "dist\studynotes\_internal\resources\samples\beijing_union_congress.txt")
Remove-Item Env:QT_QPA_PLATFORM, Env:STUDYNOTES_HOME

# 4. Inno Setup's unofficial Chinese (Simplified) messages.
$Isl = Join-Path $PSScriptRoot "ChineseSimplified.isl"
if (-not (Test-Path $Isl)) {
    Write-Host "Fetching ChineseSimplified.isl (unofficial Inno Setup translation)"
    Invoke-WebRequest -Uri $ChineseIslUrl -OutFile $Isl -UseBasicParsing
}

# 5. The installer.
if (-not $Iscc) {
    $Candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    $Iscc = $Candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $Iscc -and (Get-Command ISCC.exe -ErrorAction SilentlyContinue)) { $Iscc = (Get-Command ISCC.exe).Source }
    if (-not $Iscc -and (Get-Command choco -ErrorAction SilentlyContinue)) {
        Invoke-Checked "choco" @("install", "innosetup", "--yes", "--no-progress")
        $Iscc = $Candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
    }
    if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isdl.php" }
}
Invoke-Checked $Iscc @("/Qp", "/DAppVersion=$Version", "/DAppNumericVersion=$Numeric", "installer\windows\studynotes.iss")

$Setup = Join-Path $Root "dist\studynotes-$Version-setup.exe"
if (-not (Test-Path $Setup)) { throw "ISCC did not produce $Setup" }
$SizeMb = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host "Built $Setup ($SizeMb MB)"
