# Runs lupdate over the sources into a copy of each shipped .ts file and fails when a string is
# missing from it or (for Simplified Chinese) still untranslated, so extraction never silently breaks.
# Usage: cmake -DLUPDATE=... -DSOURCE_DIR=... -DWORK_DIR=... -P check_translations.cmake
file(MAKE_DIRECTORY "${WORK_DIR}")
foreach(lang zh_CN en)
    set(shipped "${SOURCE_DIR}/translations/storybook_${lang}.ts")
    set(copy "${WORK_DIR}/storybook_${lang}.ts")
    configure_file("${shipped}" "${copy}" COPYONLY)
    execute_process(
        COMMAND "${LUPDATE}" -locations none -no-obsolete "${SOURCE_DIR}/src" "${SOURCE_DIR}/ui" -ts "${copy}"
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed: ${output}")
    endif()
    file(READ "${shipped}" before)
    file(READ "${copy}" after)
    if(NOT before STREQUAL after)
        message(FATAL_ERROR "translations/storybook_${lang}.ts is out of date with the sources; run "
                            "'cmake --build build --target update_translations' and translate.\n${output}")
    endif()
    if(lang STREQUAL "zh_CN")
        string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${after}")
        list(LENGTH unfinished count)
        if(count GREATER 0)
            message(FATAL_ERROR "translations/storybook_zh_CN.ts has ${count} unfinished translations")
        endif()
    endif()
endforeach()
message(STATUS "translations complete and up to date")
