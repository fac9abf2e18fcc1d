  ; .storybook files open in the viewer (HKLM for all users; the installer runs elevated).
  WriteRegStr HKCR ".storybook" "" "InteractiveStorybook.Story"
  WriteRegStr HKCR ".storybook" "Content Type" "application/x-storybook"
  WriteRegStr HKCR "InteractiveStorybook.Story" "" "Interactive Storybook story"
  WriteRegStr HKCR "InteractiveStorybook.Story\\DefaultIcon" "" "$INSTDIR\\bin\\storybook-viewer.exe,0"
  WriteRegStr HKCR "InteractiveStorybook.Story\\shell\\open\\command" "" '"$INSTDIR\\bin\\storybook-viewer.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
