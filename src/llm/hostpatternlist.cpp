#include "hostpatternlist.h"

#include <QRegularExpression>

namespace Storybook::Llm {

namespace {
QString normalizedHost(QString host)
{
    host = host.trimmed().toLower();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    while (host.endsWith(u'.'))
        host.chop(1);
    return host;
}
} // namespace

HostPatternList::HostPatternList(const QString& list)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList parts = list.split(separators, Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        Entry entry;
        entry.text = part;
        QString text = part.trimmed();
        if (text == QLatin1String("*")) {
            entry.any = true;
            m_entries.append(entry);
            continue;
        }
        // Optional :port, but not inside a bare IPv6 address.
        if (text.startsWith(u'[')) {
            const qsizetype close = text.indexOf(u']');
            if (close > 0 && close + 1 < text.size() && text.at(close + 1) == u':')
                entry.port = text.mid(close + 2).toInt();
            text = text.left(close + 1);
        } else if (text.count(u':') == 1) {
            const qsizetype colon = text.indexOf(u':');
            bool ok = false;
            const int port = text.mid(colon + 1).toInt(&ok);
            if (ok) {
                entry.port = port;
                text = text.left(colon);
            }
        }
        if (text.contains(u'/')) {
            entry.subnet = QHostAddress::parseSubnet(normalizedHost(text));
            if (entry.subnet.second < 0)
                continue; // not a valid CIDR range: ignored, like curl does
            m_entries.append(entry);
            continue;
        }
        if (text.startsWith(QLatin1String("*.")))
            text.remove(0, 1);
        while (text.startsWith(u'.'))
            text.remove(0, 1);
        entry.domain = normalizedHost(text);
        if (!entry.domain.isEmpty())
            m_entries.append(entry);
    }
}

QString HostPatternList::match(const QString& rawHost, int port) const
{
    const QString host = normalizedHost(rawHost);
    QHostAddress address;
    const bool isAddress = address.setAddress(host);
    for (const Entry& entry : m_entries) {
        if (entry.port >= 0 && entry.port != port)
            continue;
        if (entry.any)
            return entry.text;
        if (entry.subnet.second >= 0) {
            if (isAddress && address.isInSubnet(entry.subnet))
                return entry.text;
            continue;
        }
        if (isAddress) {
            QHostAddress entryAddress;
            if (entryAddress.setAddress(entry.domain) && entryAddress.isEqual(address, QHostAddress::TolerantConversion))
                return entry.text;
            continue;
        }
        if (host == entry.domain || host.endsWith(u'.' + entry.domain))
            return entry.text;
    }
    return {};
}

} // namespace Storybook::Llm
