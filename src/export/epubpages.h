#pragma once

#include "epubcontainer.h"
#include "exportcommon.h"

#include <QHash>
#include <QList>
#include <QString>

// The content documents of an EPUB (exportEpub() puts them in the package): the pages with their
// pictures and Media Overlays, the cover and the table of contents, and the files they refer to.
namespace Storybook::Export {

// One file of the package's manifest.
struct ManifestItem
{
    QString id;
    QString href; // relative to the package document
    QString mediaType;
    QString properties; // "cover-image", "nav", "svg" …
    QString overlay;    // the id of the page's Media Overlay
    qint64 durationMs = -1; // a Media Overlay's length
    bool inSpine = false;
};

class EpubPages final
{
public:
    EpubPages(const Story::Story& story, bool allBranches);

    void build();

    [[nodiscard]] const QList<ManifestItem>& manifest() const { return m_manifest; }
    [[nodiscard]] const QList<EpubEntry>& files() const { return m_files; } // under the package's folder
    [[nodiscard]] QString language() const { return m_language; }
    [[nodiscard]] QString title() const;

    static constexpr auto ActiveClass = "-epub-media-overlay-active";

private:
    struct Par
    {
        QString textId;
        QString audio; // href
        qint64 durationMs = 0;
    };

    [[nodiscard]] QString head(const QString& title) const;
    [[nodiscard]] QString sentences(const QString& text, const QString& idPrefix, QList<Par>* pars,
                                    const Story::Narration* narration, bool paragraphs);
    [[nodiscard]] std::optional<Par> parFor(const QString& sentence, const QString& id, const Story::Narration* narration);
    [[nodiscard]] QString picture(const std::optional<Story::Picture>& picture, const QString& name, const QString& alt,
                                  bool cover);
    void addPage(const Story::ExportCommon::Entry& entry);
    void addCover();
    void addNav();
    void addFile(const QString& href, const QByteArray& data, const QString& mediaType, bool compress = true);

    const Story::Story& m_story;
    bool m_allBranches;
    Story::StoryWords m_words;
    QString m_language;
    QList<Story::ExportCommon::Entry> m_entries;
    QHash<QString, QString> m_labelOf; // page id → label
    QHash<QString, QString> m_audioFor; // clip entry → href
    QHash<QString, QString> m_pictureFor; // picture entry → href
    QString m_coverImage;
    QList<ManifestItem> m_manifest;
    QList<EpubEntry> m_files;
};

} // namespace Storybook::Export
