#pragma once

#include <QByteArray>
#include <QString>

namespace Storybook::PinHash {

// A parent's PIN kept only as a salted, slow hash:
// "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>" (PBKDF2-HMAC-SHA256, a random 16-byte
// salt from the system generator, a 32-byte hash). The PIN itself is never stored or logged.

inline constexpr int DefaultIterations = 100000;

// PBKDF2-HMAC-SHA256 (RFC 8018, section 5.2); empty for iterations < 1 or length < 1.
[[nodiscard]] QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int length);

// The stored form of `pin` with a new random salt.
[[nodiscard]] QString hash(const QString& pin, int iterations = DefaultIterations);

// Whether `pin` matches `stored`; false for a malformed stored value (never throws, never logs).
// The hashes are compared in constant time.
[[nodiscard]] bool verify(const QString& pin, const QString& stored);

// Whether `stored` has the form hash() writes (a sane iteration count, a salt, a 32-byte hash).
[[nodiscard]] bool isWellFormed(const QString& stored);

// Compares two byte arrays in time that depends on their length only.
[[nodiscard]] bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

} // namespace Storybook::PinHash
