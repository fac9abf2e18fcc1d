#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace Storybook::Test {

/*!
 * A throw-away certificate authority made with the `openssl` command line (EC P-256, 2 days):
 *   ca.crt / ca.key                  self-signed CA
 *   server.crt / server.key          signed by the CA, SAN IP:127.0.0.1, DNS:localhost, IP:::1
 *   untrusted.crt / untrusted.key    self-signed server certificate with the same SANs
 * Files live in a QTemporaryDir removed by the destructor.
 */
class TestCa final
{
public:
    TestCa();
    ~TestCa();
    TestCa(const TestCa&) = delete;
    TestCa& operator=(const TestCa&) = delete;

    static bool opensslAvailable();

    //! Runs openssl (bounded waits). Returns false with errorString() on any failure.
    bool generate();
    QString errorString() const { return m_errorString; }

    QString directory() const;
    QString caCertPath() const;
    QString caKeyPath() const;
    QString serverCertPath() const;
    QString serverKeyPath() const;
    QString untrustedCertPath() const;
    QString untrustedKeyPath() const;

private:
    bool runOpenssl(const QStringList& arguments);
    QString path(const QString& fileName) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_errorString;
};

} // namespace Storybook::Test
