#include "testlogging.h"

namespace Storybook::Test {

Q_LOGGING_CATEGORY(lcTest, "storybook.test", QtInfoMsg)

} // namespace Storybook::Test
