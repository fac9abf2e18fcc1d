#include "secretscanner.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QDir>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QUrl>

namespace Storybook::Test {

namespace {

// JSON string escaping as the stricter serialisers do it: \" \\ \/ control characters and every
// non-ASCII character as \uXXXX (UTF-16 code units).
QByteArray jsonEscapedStrict(const QString& value)
{
    QByteArray out;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'"')
            out += "\\\"";
        else if (u == u'\\')
            out += "\\\\";
        else if (u == u'/')
            out += "\\/";
        else if (u < 0x20 || u > 0x7e)
            out += QByteArray("\\u") + QByteArray::number(u, 16).rightJustified(4, '0');
        else
            out += char(u);
    }
    return out;
}

// Qt's own JSON form of the string (QJsonDocument): the text between the quotes of ["value"].
QByteArray jsonEscapedQt(const QString& value)
{
    const QByteArray doc = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return doc.mid(2, doc.size() - 4);
}

QByteArray utf16(const QString& value, bool bigEndian)
{
    QByteArray out;
    out.reserve(value.size() * 2);
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const char hi = char(u >> 8);
        const char lo = char(u & 0xff);
        out += bigEndian ? hi : lo;
        out += bigEndian ? lo : hi;
    }
    return out;
}

// The base64 characters that depend only on `value` when it starts `shift` bytes into a longer
// base64-encoded stream (shift 0, 1, 2 cover every alignment).
QByteArray base64Core(const QByteArray& value, int shift, QByteArray::Base64Options options)
{
    const QByteArray encoded = QByteArray(QByteArray(shift, '\0') + value + QByteArray(3, '\0')).toBase64(options);
    const qint64 first = shift; // first byte of value
    const qint64 last = shift + value.size() - 1;
    qint64 begin = -1;
    qint64 end = -1;
    for (qint64 j = 0; j < encoded.size(); ++j) {
        const qint64 fromByte = (6 * j) / 8;
        const qint64 toByte = (6 * j + 5) / 8;
        if (fromByte >= first && toByte <= last) {
            if (begin < 0)
                begin = j;
            end = j;
        }
    }
    return begin < 0 ? QByteArray() : encoded.mid(begin, end - begin + 1);
}

QString pdfText(const QString& path)
{
    static const QString tool = [] {
        QString found = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        return found;
    }();
    if (tool.isEmpty())
        return {};
    QProcess process;
    process.start(tool, {QStringLiteral("-q"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForStarted(5000))
        return {};
    if (!process.waitForFinished(15000)) {
        process.kill(); // by its PID
        process.waitForFinished(2000);
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

QString SecretHit::toString() const
{
    return QStringLiteral("%1 @ offset %2: %3 as %4 [%5]").arg(source).arg(offset).arg(secret, encoding, masked);
}

QList<SecretScanner::Needle> SecretScanner::encode(const QString& name, const QString& value, const QString& basicUser)
{
    QList<Needle> needles;
    const auto add = [&](const QString& encoding, const QByteArray& bytes) {
        if (bytes.size() < 4)
            return;
        for (const Needle& n : std::as_const(needles)) {
            if (n.bytes == bytes)
                return; // the same bytes as a previous encoding (e.g. nothing to escape)
        }
        needles.append({name, encoding, bytes});
    };
    const QByteArray raw = value.toUtf8();
    add(QStringLiteral("raw"), raw);
    add(QStringLiteral("percent-encoded"), QUrl::toPercentEncoding(value));
    {
        QByteArray lower;
        const QByteArray upper = QUrl::toPercentEncoding(value);
        for (qsizetype i = 0; i < upper.size(); ++i) {
            if (upper.at(i) == '%' && i + 2 < upper.size()) {
                lower += '%';
                lower += QByteArray(upper.mid(i + 1, 2)).toLower();
                i += 2;
            } else {
                lower += upper.at(i);
            }
        }
        add(QStringLiteral("percent-encoded (lower-case hex)"), lower);
    }
    add(QStringLiteral("json-escaped (Qt)"), jsonEscapedQt(value));
    add(QStringLiteral("json-escaped (\\/ and \\u)"), jsonEscapedStrict(value));
    add(QStringLiteral("utf-16le"), utf16(value, false));
    add(QStringLiteral("utf-16be"), utf16(value, true));
    add(QStringLiteral("base64"), raw.toBase64());
    add(QStringLiteral("base64url"), raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    for (int shift = 0; shift < 3; ++shift) {
        add(QStringLiteral("base64 (inside a stream, shift %1)").arg(shift), base64Core(raw, shift, QByteArray::Base64Encoding));
        add(QStringLiteral("base64url (inside a stream, shift %1)").arg(shift), base64Core(raw, shift, QByteArray::Base64UrlEncoding));
    }
    if (!basicUser.isEmpty())
        add(QStringLiteral("base64(user:password)"), (basicUser + u':' + value).toUtf8().toBase64());
    if (raw.size() > FragmentLength) {
        add(QStringLiteral("prefix fragment (%1 bytes)").arg(FragmentLength), raw.left(FragmentLength));
        add(QStringLiteral("suffix fragment (%1 bytes)").arg(FragmentLength), raw.right(FragmentLength));
    }
    return needles;
}

void SecretScanner::addSecret(const QString& name, const QString& value, const QString& basicUser)
{
    m_needles += encode(name, value, basicUser);
}

QStringList SecretScanner::encodings(const QString& name) const
{
    QStringList list;
    for (const Needle& n : m_needles) {
        if (n.secret == name)
            list.append(n.encoding);
    }
    return list;
}

QString SecretScanner::mask(const QByteArray& needle)
{
    // Two bytes are enough to tell the needles apart in a report, far too few to use.
    QByteArray shown = needle.left(2);
    for (char& c : shown) {
        if (c < 0x21 || c > 0x7e)
            c = '?';
    }
    return QStringLiteral("%1…(%2 bytes)").arg(QString::fromLatin1(shown)).arg(needle.size());
}

QList<SecretHit> SecretScanner::scanBytes(const QByteArray& data, const QString& source) const
{
    QList<SecretHit> hits;
    for (const Needle& n : m_needles) {
        for (qsizetype at = data.indexOf(n.bytes); at >= 0; at = data.indexOf(n.bytes, at + 1))
            hits.append({source, qint64(at), n.secret, n.encoding, mask(n.bytes)});
    }
    return hits;
}

QList<SecretHit> SecretScanner::scanTree(const QString& root, const QStringList& allowed, int* filesScanned,
                                         qint64* bytesScanned) const
{
    QList<SecretHit> hits;
    int files = 0;
    qint64 bytes = 0;
    QStringList allowedCanonical;
    for (const QString& path : allowed)
        allowedCanonical.append(QFileInfo(path).absoluteFilePath());
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        if (info.isSymLink() || !info.isFile() || allowedCanonical.contains(info.absoluteFilePath()))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            hits.append({path, 0, QStringLiteral("(scanner)"), QStringLiteral("unreadable file: ") + file.errorString(), {}});
            continue;
        }
        const QByteArray data = file.readAll();
        ++files;
        bytes += data.size();
        hits += scanBytes(data, path);
        if (data.startsWith("%PDF"))
            hits += scanBytes(pdfText(path).toUtf8(), path + QStringLiteral(" (pdftotext)"));
    }
    if (filesScanned)
        *filesScanned = files;
    if (bytesScanned)
        *bytesScanned = bytes;
    return hits;
}

QStringList SecretScanner::selfTest(const QString& dir, const QStringList& rawSecrets) const
{
    QStringList failures;
    const QDir base(dir);
    if (!base.mkpath(QStringLiteral(".hidden/deeper")))
        return {QStringLiteral("cannot create the self-test folders")};
    const auto plant = [&](const QString& relative, const QByteArray& before, const QByteArray& needle) {
        QFile file(base.filePath(relative));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(before + needle + QByteArrayLiteral("\n-- trailing text --\n"));
        return true;
    };
    const auto expectHit = [&](const QString& relative, qint64 offset, const QString& what,
                               const std::function<bool(const SecretHit&)>& matches) {
        const QString path = base.filePath(relative);
        const QList<SecretHit> hits = scanTree(dir);
        bool found = false;
        for (const SecretHit& hit : hits)
            found = found || ((hit.source == path || hit.source.startsWith(path + u' ')) && (offset < 0 || hit.offset == offset) && matches(hit));
        if (!found)
            failures.append(QStringLiteral("not found: %1 in %2").arg(what, relative));
        QFile::remove(path);
    };

    // A clean file: no hit.
    if (!plant(QStringLiteral("clean.txt"), "nothing to see here: sk-*** and Bearer ***", {}))
        failures.append(QStringLiteral("cannot write clean.txt"));
    if (const QList<SecretHit> hits = scanTree(dir); !hits.isEmpty())
        failures.append(QStringLiteral("false positive: ") + format(hits));
    QFile::remove(base.filePath(QStringLiteral("clean.txt")));

    int index = 0;
    for (const Needle& needle : m_needles) {
        const QString relative = (index % 2 ? QStringLiteral(".hidden/deeper/planted-%1.bin") : QStringLiteral("planted-%1.log")).arg(index);
        const QByteArray before = QByteArray("line one\nprefix ") + QByteArray(index % 5, 'x');
        if (!plant(relative, before, needle.bytes)) {
            failures.append(QStringLiteral("cannot write ") + relative);
            continue;
        }
        expectHit(relative, before.size(), needle.secret + QStringLiteral(" as ") + needle.encoding,
                  [&](const SecretHit& hit) { return hit.secret == needle.secret && hit.encoding == needle.encoding; });
        ++index;
    }

    for (const QString& secret : rawSecrets) {
        const QByteArray raw = secret.toUtf8();
        // Inside a longer base64 stream at each alignment (e.g. a base64-encoded settings blob).
        for (int shift = 0; shift < 3; ++shift) {
            const QByteArray stream = QByteArray(QByteArray("{\"k\":\"").left(shift + 1) + raw + QByteArray("\"} and more")).toBase64();
            plant(QStringLiteral("stream.b64"), "data=", stream);
            expectHit(QStringLiteral("stream.b64"), -1, QStringLiteral("base64 stream, shift %1").arg(shift),
                      [](const SecretHit& hit) { return hit.encoding.startsWith(QLatin1String("base64")); });
        }
        // A UTF-16 document (e.g. a Windows-style text export).
        const QString document = QStringLiteral("Header\r\nkey=") + secret + QStringLiteral("\r\n");
        plant(QStringLiteral("doc-utf16.txt"), QByteArray("\xff\xfe"),
              QByteArray(reinterpret_cast<const char*>(document.utf16()), document.size() * 2));
        expectHit(QStringLiteral("doc-utf16.txt"), -1, QStringLiteral("utf-16 document"),
                  [](const SecretHit& hit) { return hit.encoding == QLatin1String("utf-16le"); });
        // Inside a PDF, where page text is compressed: found through pdftotext.
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            const QString pdfPath = base.filePath(QStringLiteral("planted.pdf"));
            {
                QPdfWriter writer(pdfPath);
                writer.setPageSize(QPageSize(QPageSize::A4));
                QPainter painter(&writer);
                painter.setFont(QFont(QStringLiteral("Sans"), 10));
                painter.drawText(QRect(0, 0, writer.width(), writer.height() / 4), Qt::TextWordWrap,
                                 QStringLiteral("Once upon a time %1 the end").arg(secret));
            }
            QFile pdf(pdfPath);
            if (pdf.open(QIODevice::ReadOnly) && pdf.readAll().contains(raw))
                failures.append(QStringLiteral("the planted PDF holds the secret uncompressed; the PDF check proves nothing"));
            expectHit(QStringLiteral("planted.pdf"), -1, QStringLiteral("text inside a PDF"),
                      [](const SecretHit& hit) { return hit.source.endsWith(QLatin1String("(pdftotext)")); });
        } else {
            failures.append(QStringLiteral("pdftotext (poppler-utils) is not installed: PDFs could not be checked"));
        }
    }
    return failures;
}

QString SecretScanner::format(const QList<SecretHit>& hits)
{
    QStringList lines;
    for (const SecretHit& hit : hits)
        lines.append(hit.toString());
    return lines.join(u'\n');
}

} // namespace Storybook::Test
