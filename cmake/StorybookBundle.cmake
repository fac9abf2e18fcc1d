# storybook_gui_bundle(<target> <icon-base> <bundle-id> <bundle-name> <document-role>)
# What a GUI program needs on Windows (the .exe icon) and macOS (an .app bundle with Info.plist,
# icon and the .storybook document type: role "Editor" for the app, "Viewer" for the viewer).
function(storybook_gui_bundle target icon bundle_id bundle_name role)
    if(WIN32)
        target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/installer/windows/${icon}.rc)
    elseif(APPLE)
        set(icns ${PROJECT_SOURCE_DIR}/resources/icons/${icon}.icns)
        target_sources(${target} PRIVATE ${icns})
        set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
        set(STORYBOOK_DOCUMENT_ROLE ${role})
        if(role STREQUAL "Viewer")
            set(STORYBOOK_DOCUMENT_RANK Owner)
        else()
            set(STORYBOOK_DOCUMENT_RANK Alternate)
        endif()
        # Info.plist.in uses the MACOSX_BUNDLE_* properties and the two variables above.
        configure_file(${PROJECT_SOURCE_DIR}/installer/macos/Info.plist.in
                       ${CMAKE_CURRENT_BINARY_DIR}/${target}-Info.plist.in @ONLY)
        set_target_properties(${target} PROPERTIES
            MACOSX_BUNDLE TRUE
            MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_BINARY_DIR}/${target}-Info.plist.in
            MACOSX_BUNDLE_GUI_IDENTIFIER ${bundle_id}
            MACOSX_BUNDLE_BUNDLE_NAME ${bundle_name}
            MACOSX_BUNDLE_ICON_FILE ${icon}.icns
            MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
            MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION})
    endif()
endfunction()
