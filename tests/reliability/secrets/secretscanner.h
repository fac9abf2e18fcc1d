#pragma once

// Searches bytes, files and whole folders for known secrets ("canaries") in every encoding a leak
// could take: raw UTF-8, percent-encoded, base64 (at any alignment, and as the user:password of an
// HTTP Basic header), JSON-escaped, UTF-16LE/BE, and prefix/suffix fragments that a badly cut
// redaction would leave behind. A hit is reported with where it is, never with the secret in clear.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Storybook::Test {

struct SecretHit
{
    QString source;   // file path, or "stdout of …", "clipboard", …
    qint64 offset = 0;
    QString secret;   // the canary's name, e.g. "api-key"
    QString encoding; // e.g. "raw", "base64(user:password)"
    QString masked;   // the needle masked, e.g. "sk…(38 bytes)"

    [[nodiscard]] QString toString() const;
};

class SecretScanner
{
public:
    struct Needle
    {
        QString secret;
        QString encoding;
        QByteArray bytes;
    };

    // Fragment length for the prefix/suffix needles.
    static constexpr int FragmentLength = 8;

    // `basicUser` (optional): also look for base64("basicUser:value"), the HTTP Basic credentials.
    void addSecret(const QString& name, const QString& value, const QString& basicUser = {});

    [[nodiscard]] const QList<Needle>& needles() const { return m_needles; }
    // The encodings that the needles of `name` cover (for the report and the self-test).
    [[nodiscard]] QStringList encodings(const QString& name) const;

    [[nodiscard]] QList<SecretHit> scanBytes(const QByteArray& data, const QString& source) const;
    // Every regular file below `root` (hidden files and folders included, symlinks not followed),
    // except the exact paths in `allowed`. For PDFs the text extracted by pdftotext is scanned too
    // (the page text is compressed inside the file). `filesScanned` and `bytesScanned` count.
    [[nodiscard]] QList<SecretHit> scanTree(const QString& root, const QStringList& allowed = {},
                                            int* filesScanned = nullptr, qint64* bytesScanned = nullptr) const;

    // The encodings of one value, as the scanner builds them (exposed for the self-test).
    [[nodiscard]] static QList<Needle> encode(const QString& name, const QString& value, const QString& basicUser = {});

    // Checks the scanner itself: plants every needle (and a base64 stream, a UTF-16 document and a
    // PDF drawn with QPdfWriter holding each raw secret) in files below `dir`, in a hidden subfolder
    // too, and expects a hit for each at the planted offset, and none in a clean file. Returns the
    // failures (empty: the scanner works). Needs a QGuiApplication for the PDF.
    [[nodiscard]] QStringList selfTest(const QString& dir, const QStringList& rawSecrets) const;

    [[nodiscard]] static QString mask(const QByteArray& needle);
    [[nodiscard]] static QString format(const QList<SecretHit>& hits);

private:
    QList<Needle> m_needles;
};

} // namespace Storybook::Test
