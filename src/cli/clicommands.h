#pragma once

class QCoreApplication;

namespace Storybook::Cli {

// Parses the command line, runs the subcommand and returns the process exit code:
// 0 ok, 1 internal, 2 usage/configuration, 3 network/DNS/TLS, 4 proxy, 5 API/HTTP, 6 timeout,
// 7 bad response, 130 interrupted.
int run(QCoreApplication& app);

} // namespace Storybook::Cli
