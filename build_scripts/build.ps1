# Build the Windows package: dist\relief-desk\ with relief-desk.exe (GUI, no console
# window) and relief-desk-cli.exe (command line). Same steps as build.sh.
#   powershell -ExecutionPolicy Bypass -File build_scripts\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$venv = if ($env:BUILD_VENV) { $env:BUILD_VENV } else { ".venv-build" }
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3 -m venv $venv }
& "$venv\Scripts\python.exe" -m pip install --quiet -c build_scripts\constraints.txt -e . "pyinstaller>=6.5,<7" "tomli>=2; python_version < '3.11'"
if ($LASTEXITCODE) { exit $LASTEXITCODE }
# The interface's translations (.ts -> .qm), compiled from the committed .ts files.
Get-ChildItem resources\i18n\relief_desk_*.ts | ForEach-Object {
    & "$venv\Scripts\pyside6-lrelease.exe" -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
}
& "$venv\Scripts\python.exe" -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller build_scripts\relief-desk.spec
if ($LASTEXITCODE) { exit $LASTEXITCODE }
& dist\relief-desk\relief-desk-cli.exe --version
& dist\relief-desk\relief-desk-cli.exe selfcheck
exit $LASTEXITCODE
