# One INTERFACE target carries the language standard, warnings and strict Qt defines for every target.
add_library(storybook_options INTERFACE)
target_compile_features(storybook_options INTERFACE cxx_std_20)
target_compile_definitions(storybook_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    STORYBOOK_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(storybook_options INTERFACE -Wall -Wextra -Wpedantic)
    if(STORYBOOK_WERROR)
        target_compile_options(storybook_options INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(storybook_options INTERFACE /W4 /utf-8)
endif()

# Hardening as Debian builds its packages: stack protector, fortified libc calls (optimised builds
# only), full RELRO and position-independent executables.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_compile_options(storybook_options INTERFACE -fstack-protector-strong -fstack-clash-protection
        $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
    target_link_options(storybook_options INTERFACE -Wl,-z,relro,-z,now)
endif()
include(CheckPIESupported)
check_pie_supported(LANGUAGES CXX)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
