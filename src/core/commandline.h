#pragma once

#include <cstring>
#include <initializer_list>

namespace Storybook::CommandLine {

// True when the arguments ask only for --help, --help-all or --version: the GUI programs then answer
// with a QCoreApplication, so this works without a display (packaging tools, ssh, CI).
inline bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return false;
        for (const char* option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(arg, option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace Storybook::CommandLine
