# Windows build of the one-folder dashboard (not runnable on the Linux CI; see installer/README.md).
# Run in a clone, in PowerShell, with Python 3.11+ from python.org on PATH:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root
if (-not (Test-Path .venv)) { py -m venv .venv }
.\.venv\Scripts\pip install -e ".[freeze]"
.\.venv\Scripts\python installer\build.py --dist dist
# dist\dutyroom\dutyroom.exe is the program; copy the folder to the workstation
# (e.g. C:\Program Files\StreetDutyRoom). Settings, data and logs live under
# %APPDATA% / %LOCALAPPDATA%\dutyroom and survive upgrades. For the wall screen,
# add a shortcut to "dutyroom.exe --wall" in shell:startup.
