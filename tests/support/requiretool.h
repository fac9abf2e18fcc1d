#pragma once

#include <QString>
#include <QTest>

namespace Storybook::Test {

//! The full path of the program `name` from PATH, /usr/sbin, /usr/bin or /usr/local; empty if none.
QString findTool(const QString& name);
//! True when the environment variable CI is "true" (any case): whatever a test needs is then
//! required, and its absence fails the test instead of skipping it. .ci/run sets CI=true itself.
bool isCi();

//! What STORYBOOK_REQUIRE names: a literal or a QString.
inline QString requirementName(const char* name)
{
    return QString::fromUtf8(name);
}
inline QString requirementName(const QString& name)
{
    return name;
}

} // namespace Storybook::Test

//! The one "this test needs X" check: skips the current test when `available` is false, or fails it
//! when CI=true. `name` names what is missing (a tool, a font, a TLS backend, a speech engine), as a
//! string literal or any QString expression.
#define STORYBOOK_REQUIRE(available, name)                                                                   \
    do {                                                                                                     \
        if (!(available)) {                                                                                  \
            const QString missing_ = ::Storybook::Test::requirementName(name);                               \
            if (::Storybook::Test::isCi())                                                                   \
                QFAIL(qPrintable(QStringLiteral("required on CI, but missing: ") + missing_));               \
            else                                                                                             \
                QSKIP(qPrintable(QStringLiteral("not available here: ") + missing_));                        \
        }                                                                                                    \
    } while (false)

//! STORYBOOK_REQUIRE for a program: STORYBOOK_REQUIRE_TOOL(!findTool("x").isEmpty(), "x").
#define STORYBOOK_REQUIRE_TOOL(available, name)                                                              \
    STORYBOOK_REQUIRE(available, QStringLiteral("tool ") + ::Storybook::Test::requirementName(name))
