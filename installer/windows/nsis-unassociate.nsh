  ReadRegStr $0 HKCR ".storybook" ""
  StrCmp $0 "InteractiveStorybook.Story" 0 +2
    DeleteRegKey HKCR ".storybook"
  DeleteRegKey HKCR "InteractiveStorybook.Story"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
