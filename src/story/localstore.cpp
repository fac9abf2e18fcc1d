#include "localstore.h"

#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace Storybook::Story {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::LocalStore)
};
} // namespace

LocalStore::LocalStore(QString path, QString format)
    : m_path(std::move(path))
    , m_format(std::move(format))
{
}

QJsonArray LocalStore::read(QString* problem)
{
    m_damaged = false;
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        if (problem)
            *problem = Tr::tr("%1 could not be read: %2").arg(QFileInfo(m_path).fileName(), file.errorString());
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(64 * 1024 * 1024), &error);
    const QJsonObject object = doc.object();
    if (error.error != QJsonParseError::NoError || !object.value(QLatin1String("items")).isArray()
        || object.value(QLatin1String("format")).toString() != m_format) {
        m_damaged = true;
        if (problem)
            *problem = Tr::tr("%1 is damaged; it will be kept as %1.damaged when something is saved.")
                           .arg(QFileInfo(m_path).fileName());
        return {};
    }
    return object.value(QLatin1String("items")).toArray();
}

QString LocalStore::write(const QJsonArray& items)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (m_damaged) {
        const QString aside = m_path + QLatin1String(".damaged");
        QFile::remove(aside);
        if (!QFile::copy(m_path, aside))
            return Tr::tr("The damaged %1 could not be kept aside.").arg(QFileInfo(m_path).fileName());
        m_damaged = false;
    }
    const QJsonObject object{{QLatin1String("format"), m_format}, {QLatin1String("version"), 1},
                             {QLatin1String("items"), items}};
    return AtomicFile::write(m_path, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace Storybook::Story
