#pragma once

#include <QList>
#include <QString>
#include <QStringView>

class QTextBlockFormat;
class QTextCharFormat;
class QTextCursor;

namespace Storybook::Widgets {

// Qt lays out a paragraph as a whole each time text is added to it, so streaming into one very long
// paragraph (a model that never starts a new one) would make every append slower than the last.
// DisplayBreaks shows such a paragraph as several blocks: once a block has LongBlock characters,
// the next sentence end starts a new one (past twice that, the next space; past three times, the
// next character). The breaks exist only in the document: the positions below are the page text's.
class DisplayBreaks final
{
public:
    static constexpr int LongBlock = 2000;

    void clear();
    // Inserts `text` at `cursor` (the end of the document), starting display-only blocks in `format`.
    void insert(QTextCursor& cursor, QStringView text, const QTextBlockFormat& format, const QTextCharFormat& charFormat);

    // The document position of the page-text position `position`: of the character there, or
    // (`end`) just after the character before it.
    [[nodiscard]] int toDocument(int position, bool end = false) const;
    [[nodiscard]] int count() const { return int(m_positions.size()); }

private:
    [[nodiscard]] bool breaksAfter(QChar c, QChar before) const;

    QList<int> m_positions; // page-text positions before which a display-only block starts
    int m_blockLength = 0;  // characters in the document's last block
    QChar m_last;           // the last character inserted
};

} // namespace Storybook::Widgets
