#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The OCF container of an EPUB: a ZIP whose first entry is "mimetype" ("application/epub+zip"),
// stored uncompressed, then META-INF/container.xml pointing at the package document, then the
// book's files in the order given. Built in memory; the caller writes the bytes atomically.
namespace Storybook::Export {

struct EpubEntry
{
    QString path; // inside the container, e.g. "OEBPS/page-3.xhtml"
    QByteArray data;
    bool compress = true; // false for what is compressed already (pictures, sound)
};

struct ContainerResult
{
    QByteArray bytes;
    QString problem; // libzip's words; empty on success
};

// `packagePath`: the package document's path, e.g. "OEBPS/package.opf".
[[nodiscard]] ContainerResult buildEpubContainer(const QString& packagePath, const QList<EpubEntry>& entries);

} // namespace Storybook::Export
