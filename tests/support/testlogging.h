#pragma once

#include <QLoggingCategory>

namespace Storybook::Test {

//! Logging category for all test-support helpers ("storybook.test").
Q_DECLARE_LOGGING_CATEGORY(lcTest)

} // namespace Storybook::Test
