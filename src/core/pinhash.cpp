#include "pinhash.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStringList>

#include <array>

namespace Storybook::PinHash {

namespace {
const auto Scheme = QStringLiteral("pbkdf2-sha256");
constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;
constexpr int MinIterations = 1000;
constexpr int MaxIterations = 10'000'000; // a stored value cannot make a check take minutes

struct Parsed
{
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

bool parse(const QString& stored, Parsed* out)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != Scheme)
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < MinIterations || iterations > MaxIterations)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto hash = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !hash || salt.decoded.size() < 8 || hash.decoded.size() != HashBytes)
        return false;
    out->iterations = iterations;
    out->salt = salt.decoded;
    out->hash = hash.decoded;
    return true;
}
} // namespace

QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int length)
{
    if (iterations < 1 || length < 1)
        return {};
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, password);
    QByteArray out;
    out.reserve(length);
    for (quint32 block = 1; out.size() < length; ++block) {
        mac.reset();
        mac.addData(salt);
        const std::array<char, 4> index{char(block >> 24), char(block >> 16), char(block >> 8), char(block)};
        mac.addData(index.data(), qsizetype(index.size()));
        QByteArray u = mac.result();
        QByteArray t = u;
        for (int i = 1; i < iterations; ++i) {
            mac.reset();
            mac.addData(u);
            u = mac.result();
            for (qsizetype j = 0; j < t.size(); ++j)
                t[j] = char(t[j] ^ u[j]);
        }
        out.append(t);
    }
    out.truncate(length);
    return out;
}

QString hash(const QString& pin, int iterations)
{
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(salt.data()), SaltBytes / int(sizeof(quint32)));
    const QByteArray derived = pbkdf2Sha256(pin.toUtf8(), salt, iterations, HashBytes);
    return QStringLiteral("%1$%2$%3$%4")
        .arg(Scheme, QString::number(iterations), QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derived.toBase64()));
}

bool isWellFormed(const QString& stored)
{
    Parsed parsed;
    return parse(stored, &parsed);
}

bool verify(const QString& pin, const QString& stored)
{
    Parsed parsed;
    if (!parse(stored, &parsed))
        return false;
    return constantTimeEquals(pbkdf2Sha256(pin.toUtf8(), parsed.salt, parsed.iterations, HashBytes), parsed.hash);
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace Storybook::PinHash
