#pragma once

#include <QObject>

namespace Storybook::Test {

// The child of `parent` with this object name (a form's widget); a test without it cannot go on.
template<typename T>
T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace Storybook::Test
