#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

namespace Storybook::Llm {

// A NO_PROXY-style list: "localhost,.example.com,10.0.0.0/8,::1,host:8080,*".
// Host entries match the host and its subdomains; a leading "." or "*." means subdomains too;
// IP addresses and CIDR ranges match literal addresses (no DNS lookup is made); "*" matches all.
class HostPatternList final
{
public:
    HostPatternList() = default;
    explicit HostPatternList(const QString& list);

    // The entry that matched host:port, or an empty string when none did.
    [[nodiscard]] QString match(const QString& host, int port) const;
    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }

private:
    struct Entry
    {
        QString text;    // as written, for diagnostics
        QString domain;  // lower-case, without leading dots
        QPair<QHostAddress, int> subnet{QHostAddress(), -1};
        int port = -1;
        bool any = false;
    };
    QList<Entry> m_entries;
};

} // namespace Storybook::Llm
