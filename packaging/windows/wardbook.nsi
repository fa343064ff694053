; WardBook per-user Windows installer (NSIS 3, Modern UI 2). build_installer.py passes:
;   /DVERSION=x.y.z  /DPAYLOAD=<folder of the PyInstaller bundle>  /DOUTFILE=<installer .exe>, and /DICON=<.ico> when it has one
; Installs into %LOCALAPPDATA%\Programs\WardBook without administrator rights. The uninstaller removes the
; program only: the ward database and settings in %LOCALAPPDATA%\WardBook stay, so no record is lost.
Unicode true
!include "MUI2.nsh"

Name "WardBook ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\WardBook"
InstallDirRegKey HKCU "Software\WardBook" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define MUI_ABORTWARNING
!ifdef ICON
  !define MUI_ICON "${ICON}"
!endif
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\WardBook"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\wardbook.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Vietnamese first: the installer opens in Vietnamese unless Windows is set to English.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutName ${LANG_VIETNAMESE} "Sổ địa bàn"
LangString ShortcutName ${LANG_ENGLISH} "WardBook"
LangString KeptData ${LANG_VIETNAMESE} "Dữ liệu của phường vẫn được giữ trong $LOCALAPPDATA\WardBook."
LangString KeptData ${LANG_ENGLISH} "The ward data is kept in $LOCALAPPDATA\WardBook."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "WardBook" SecMain
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\WardBook"
  CreateShortcut "$SMPROGRAMS\WardBook\$(ShortcutName).lnk" "$INSTDIR\wardbook.exe"
  WriteRegStr HKCU "Software\WardBook" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "WardBook — Sổ địa bàn"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  RMDir /r "$INSTDIR"
  Delete "$SMPROGRAMS\WardBook\*.lnk"
  RMDir "$SMPROGRAMS\WardBook"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\WardBook"
  DetailPrint "$(KeptData)"
SectionEnd
