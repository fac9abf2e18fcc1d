#include "storyexporter.h"

#include "atomicfile.h"
#include "exportcommon.h"
#include "pdfunicodefix.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QPen>
#include <QTextDocument>

#include <array>
#include <utility>

namespace Storybook::Story {

using namespace ExportCommon;

namespace {
// Layout units are CSS pixels (96 per inch); the painter is scaled to the writer's resolution.
constexpr qreal CssDpi = 96.0;
constexpr int PdfDpi = 300;
constexpr qreal Mm = CssDpi / 25.4;
constexpr qreal FrameInset = 8 * Mm; // the soft frame around each page
constexpr qreal MarginX = 20 * Mm; // text margins
constexpr qreal MarginTop = 14 * Mm;
constexpr qreal MarginBottom = 18 * Mm; // room for the footer
// A page shown with its picture: the picture takes this share of the width inside the margins (on
// A4 landscape a square picture of about 15 cm), the text the rest, after a gap.
constexpr qreal PictureShare = 0.58;
constexpr qreal PictureGap = 12 * Mm;
constexpr qreal PictureRadius = 10;
// Text alone never runs wider than on the A5 booklet (long lines are hard to read aloud).
constexpr qreal MaxTextWidth = 170 * Mm;
// Text shrinks step by step until a page fits one sheet; below the last step it continues on the next.
constexpr std::array<qreal, 7> FitScales { 1.0, 0.9, 0.82, 0.75, 0.68, 0.62, 0.56 };

const QColor Ink(0x35, 0x30, 0x2a);
const QColor Muted(0x8a, 0x7f, 0x70);
const QColor FrameColor(0xe4, 0xd9, 0xc5);
const QColor Paper(0xff, 0xff, 0xff);

QFont bookFont()
{
    // Latin fonts first even for Chinese stories: with Noto CJK first, Qt's PDF writer loses the
    // digits of Latin text from the extractable text. CJK and emoji fonts are the fallbacks.
    QFont font;
    font.setFamilies({ QStringLiteral("Noto Serif"), QStringLiteral("DejaVu Serif"), QStringLiteral("Georgia"),
                       QStringLiteral("Times New Roman"), QStringLiteral("DejaVu Sans"),
                       QStringLiteral("Noto Serif CJK SC"), QStringLiteral("Source Han Serif SC"),
                       QStringLiteral("Songti SC"), QStringLiteral("SimSun"), QStringLiteral("Noto Sans CJK SC"),
                       QStringLiteral("Source Han Sans SC"), QStringLiteral("PingFang SC"),
                       QStringLiteral("Microsoft YaHei"), QStringLiteral("Noto Color Emoji"),
                       QStringLiteral("Apple Color Emoji"), QStringLiteral("Segoe UI Emoji") });
    font.setStyleHint(QFont::Serif);
    font.setPixelSize(20);
    return font;
}

QString px(qreal size, qreal scale)
{
    return QString::number(qRound(size * scale)) % QStringLiteral("px");
}

QString pdfParagraph(const QString& html, const QString& style, const QString& align = QString())
{
    return QStringLiteral("<p") % (align.isEmpty() ? QString() : QStringLiteral(" align=\"") % align % u'"')
        % QStringLiteral(" style=\"") % style % QStringLiteral("\">") % html % QStringLiteral("</p>");
}

// Rich text for QTextDocument, one story page at a time; all model text is escaped.
class PdfHtml final
{
public:
    PdfHtml(const QFont& font, StoryWords words)
        : m_metrics(font)
        , m_words(std::move(words))
    { }

    [[nodiscard]] QString title(const Story& story) const
    {
        return QStringLiteral("<html><body>")
            % pdfParagraph(esc(titleOf(story)), QStringLiteral("font-size:38px;font-weight:600;line-height:130%;"),
                           QStringLiteral("center"))
            % pdfParagraph(QStringLiteral("·  ·  ·"), QStringLiteral("color:#c9b99c;font-size:22px;margin:14px 0;"),
                           QStringLiteral("center"))
            % pdfParagraph(esc(metaLine(story)), QStringLiteral("color:#8a7f70;font-size:14px;line-height:140%;"),
                           QStringLiteral("center"))
            % QStringLiteral("</body></html>");
    }

    // `s` scales every size, to make a long page fit its sheet.
    // `withScene`: the scene as a line of text (the page is shown without its picture).
    [[nodiscard]] QString page(const Entry& entry, bool allBranches, bool withScene, qreal s) const
    {
        const Page& page = *entry.page;
        const QString muted = QStringLiteral("color:#8a7f70;");
        const QString accent = QStringLiteral("color:#5f8f6e;");
        QString html = QStringLiteral("<html><body>");
        if (entry.branchStart)
            html += pdfParagraph(esc(branchLead(m_words, entry)),
                                 muted % QStringLiteral("font-style:italic;margin-bottom:4px;font-size:") % px(13, s));
        html += pdfParagraph(esc(pageHeading(m_words, entry.label)),
                             accent % QStringLiteral("font-weight:600;margin-bottom:6px;font-size:") % px(13, s));
        if (page.isDraft())
            html += pdfParagraph(esc(draftText(m_words, page)),
                                 QStringLiteral("color:#7a5300;background-color:#fbecd0;margin-bottom:8px;font-size:")
                                     % px(13, s));
        if (const QString caption = sceneCaption(m_words, page); withScene && !caption.isEmpty())
            html += pdfParagraph(esc(caption),
                                 muted % QStringLiteral("font-style:italic;margin-bottom:") % px(16, s)
                                     % QStringLiteral(";font-size:") % px(14, s));
        for (const QStringList& paragraph : paragraphs(page.text)) {
            QStringList lines;
            for (const QString& l : paragraph)
                lines.append(esc(l));
            html += pdfParagraph(lines.join(QStringLiteral("<br>")),
                                 QStringLiteral("line-height:150%;margin-bottom:") % px(14, s)
                                     % QStringLiteral(";font-size:") % px(24, s));
        }
        if (page.interaction) {
            QString box;
            box += pdfParagraph(esc(questionText(m_words, *page.interaction)),
                                QStringLiteral("font-weight:600;margin-top:0px;margin-bottom:") % px(6, s)
                                    % QStringLiteral(";font-size:") % px(18, s));
            for (const Choice& choice : std::as_const(entry.choices)) {
                QString item = esc(choiceText(m_words, choice));
                if (choice.chosen)
                    item = QStringLiteral("<b>✓ ") % item % QStringLiteral("</b> <span style=\"") % accent
                        % QStringLiteral("\">") % esc(m_words.chosenMark()) % QStringLiteral("</span>");
                else
                    item = QStringLiteral("•  ") % item;
                if (allBranches && !choice.target.isEmpty())
                    item += QStringLiteral(" <span style=\"") % accent % QStringLiteral("\">→ ")
                        % esc(pageHeading(m_words, choice.target)) % QStringLiteral("</span>");
                box += pdfParagraph(item,
                                    QStringLiteral("margin-left:6px;margin-top:") % px(3, s)
                                        % QStringLiteral(";margin-bottom:") % px(3, s) % QStringLiteral(";font-size:")
                                        % px(17, s));
            }
            html += QStringLiteral("<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"")
                % QString::number(qRound(12 * s)) % QStringLiteral("\" bgcolor=\"#f4eee2\" style=\"margin-top:")
                % px(10, s) % QStringLiteral(";\"><tr><td>") % box % QStringLiteral("</td></tr></table>");
        }
        if (page.ending)
            html += pdfParagraph(esc(m_words.theEnd()),
                                 QStringLiteral("font-style:italic;margin-top:") % px(22, s)
                                     % QStringLiteral(";font-size:") % px(26, s),
                                 QStringLiteral("center"));
        return html % QStringLiteral("</body></html>");
    }

    [[nodiscard]] QString esc(const QString& text) const { return printable(text).toHtmlEscaped(); }

    // Without symbols no installed font can draw (emoji without an emoji font would be boxes).
    [[nodiscard]] QString printable(const QString& text) const
    {
        QString out;
        out.reserve(text.size());
        for (const char32_t c : QStringView(text).toUcs4()) {
            const auto category = QChar::category(c);
            const bool symbol = category == QChar::Symbol_Other || category == QChar::Symbol_Modifier
                || category == QChar::Mark_NonSpacing || c == 0x200d || (c >= 0xfe00 && c <= 0xfe0f);
            if (!symbol || m_metrics.inFontUcs4(c))
                out += QStringView(QChar::fromUcs4(c));
        }
        return out;
    }

private:
    QFontMetricsF m_metrics;
    StoryWords m_words; // the labels, in the story's language
};

class PdfBook final
{
public:
    PdfBook(QPdfWriter& writer, QPainter& painter, const QFont& font, const QString& footer)
        : m_writer(writer)
        , m_painter(painter)
        , m_font(font)
        , m_footer(footer)
    {
        const QRectF full = writer.pageLayout().fullRectPixels(writer.resolution());
        m_size = QSizeF(full.width() * CssDpi / writer.resolution(), full.height() * CssDpi / writer.resolution());
        m_painter.scale(writer.resolution() / CssDpi, writer.resolution() / CssDpi);
        m_painter.setRenderHint(QPainter::Antialiasing);
        m_painter.setRenderHint(QPainter::SmoothPixmapTransform);
    }

    // `cover` may be null: the title alone, centred.
    void titlePage(const QString& html, const QImage& cover)
    {
        drawFrame(false);
        layOut({ html }, cover, true);
    }

    // `versions`: the page at each text size, largest first; `picture` may be null (text alone).
    void storyPage(const QStringList& versions, const QImage& picture)
    {
        m_writer.newPage();
        drawFrame(true);
        layOut(versions, picture, false);
    }

private:
    [[nodiscard]] QRectF contentRect() const
    {
        return QRectF(MarginX, MarginTop, m_size.width() - 2 * MarginX, m_size.height() - MarginTop - MarginBottom);
    }

    void layOut(const QStringList& versions, const QImage& picture, bool centered)
    {
        const QRectF area = contentRect();
        if (picture.isNull()) {
            const qreal width = std::min(area.width(), MaxTextWidth);
            drawDocument(versions, QRectF(area.left() + (area.width() - width) / 2, area.top(), width, area.height()),
                         centered);
            return;
        }
        // Like an open picture book: the picture on the left, its text on the right.
        const qreal pictureWidth = std::min(area.height(), area.width() * PictureShare);
        drawPicture(picture, QRectF(area.left(), area.top(), pictureWidth, area.height()));
        const qreal textLeft = area.left() + pictureWidth + PictureGap;
        drawDocument(versions, QRectF(textLeft, area.top(), area.right() - textLeft, area.height()), centered);
    }

    // The picture as large as fits `region` (its shape kept), centred, with rounded corners.
    void drawPicture(const QImage& picture, const QRectF& region)
    {
        const QSizeF fitted = QSizeF(picture.size()).scaled(region.size(), Qt::KeepAspectRatio);
        const QRectF target(region.left() + (region.width() - fitted.width()) / 2,
                            region.top() + (region.height() - fitted.height()) / 2, fitted.width(), fitted.height());
        // No more pixels than the printer can use at this size (the writer embeds every pixel it gets),
        // and transparency flattened onto the paper (one image per picture in the PDF, no soft mask).
        const QSize printPixels = (target.size() * (PdfDpi / CssDpi)).toSize();
        QImage image = picture;
        if (image.width() > printPixels.width() * 1.1 || image.height() > printPixels.height() * 1.1)
            image = image.scaled(printPixels, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        if (image.hasAlphaChannel()) {
            QImage flat(image.size(), QImage::Format_RGB32);
            flat.fill(Paper);
            QPainter flatten(&flat);
            flatten.drawImage(0, 0, image);
            flatten.end();
            image = flat;
        }
        m_painter.save();
        QPainterPath rounded;
        rounded.addRoundedRect(target, PictureRadius, PictureRadius);
        m_painter.setClipPath(rounded);
        m_painter.drawImage(target, image);
        m_painter.restore();
        m_painter.save();
        m_painter.setPen(QPen(FrameColor, 1.0));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRoundedRect(target, PictureRadius, PictureRadius);
        m_painter.restore();
    }

    void setUp(QTextDocument& doc, const QString& html, qreal width) const
    {
        doc.setUndoRedoEnabled(false);
        doc.setDefaultFont(m_font);
        doc.setDocumentMargin(0);
        doc.setUseDesignMetrics(true);
        doc.setHtml(html);
        doc.setTextWidth(width);
    }

    void drawFrame(bool footer)
    {
        m_painter.save();
        m_painter.setPen(QPen(FrameColor, 1.2));
        m_painter.setBrush(Qt::NoBrush);
        const QRectF frame(FrameInset, FrameInset, m_size.width() - 2 * FrameInset, m_size.height() - 2 * FrameInset);
        m_painter.drawRoundedRect(frame, 14, 14);
        if (footer) {
            QFont font = m_font;
            font.setPixelSize(10);
            m_painter.setFont(font);
            m_painter.setPen(Muted);
            const QRectF band(MarginX, frame.bottom() - 9 * Mm, m_size.width() - 2 * MarginX, 6 * Mm);
            const QString text = QFontMetricsF(font).elidedText(m_footer, Qt::ElideRight, band.width());
            m_painter.drawText(band, Qt::AlignCenter | Qt::TextSingleLine, text);
        }
        m_painter.restore();
    }

    // The first version that fits `area`; the last one continues on more sheets (in the same place).
    void drawDocument(const QStringList& versions, const QRectF& area, bool centered)
    {
        for (qsizetype i = 0; i < versions.size(); ++i) {
            QTextDocument doc;
            setUp(doc, versions.at(i), area.width());
            const qreal height = doc.size().height();
            if (height <= area.height()) {
                const qreal y = area.top() + (area.height() - height) * (centered ? 0.5 : 0.42);
                draw(doc, QPointF(area.left(), y), QRectF(0, 0, area.width(), height));
                return;
            }
            if (i + 1 < versions.size())
                continue;
            // Still too long at the smallest size: let the document paginate onto more sheets.
            doc.setPageSize(area.size());
            for (int sheet = 0; sheet < doc.pageCount(); ++sheet) {
                if (sheet > 0) {
                    m_writer.newPage();
                    drawFrame(true);
                }
                draw(doc, QPointF(area.left(), area.top() - sheet * area.height()),
                     QRectF(0, sheet * area.height(), area.width(), area.height()));
            }
        }
    }

    void draw(const QTextDocument& doc, QPointF origin, const QRectF& clip)
    {
        m_painter.save();
        m_painter.translate(origin);
        m_painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, Ink);
        context.clip = clip;
        doc.documentLayout()->draw(&m_painter, context);
        m_painter.restore();
    }

    QPdfWriter& m_writer;
    QPainter& m_painter;
    QFont m_font;
    QString m_footer;
    QSizeF m_size;
};

// The title page's picture: the character sheet, else the first page's picture that can be shown.
QImage coverPicture(const Story& story, const QList<Entry>& list)
{
    if (const std::optional<ExportPicture> sheet = loadPicture(story, story.characterSheet))
        return sheet->image;
    for (const Entry& entry : list) {
        if (const std::optional<ExportPicture> picture = loadPicture(story, entry.page->picture))
            return picture->image;
    }
    return {};
}
} // namespace

QString exportPdf(const Story& story, const QString& filePath, const ExportOptions& options)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Tr::tr("PDF export is not available without the graphical application.");
    const QFont font = bookFont();
    const QList<Entry> list = entries(story, options.allBranches);
    // A picture book is A4 landscape (a picture and its text side by side, printable at home);
    // a story without pictures stays the A5 landscape booklet it always was.
    const bool illustrated = hasPictures(story, list);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(PdfDpi);
        writer.setTitle(titleOf(story));
        writer.setCreator(QStringLiteral("Interactive Storybook"));
        writer.setPageLayout(
            QPageLayout(QPageSize(illustrated ? QPageSize::A4 : QPageSize::A5), QPageLayout::Landscape, QMarginsF()));
        QPainter painter;
        if (!painter.begin(&writer))
            return cannotWrite(filePath, Tr::tr("the PDF could not be started."));
        const PdfHtml html(font, StoryWords::of(story));
        PdfBook book(writer, painter, font, html.printable(titleOf(story)));
        book.titlePage(html.title(story), illustrated ? coverPicture(story, list) : QImage());
        for (const Entry& entry : list) {
            // One picture decoded at a time: a long book never holds all its pictures at once.
            const std::optional<ExportPicture> picture = loadPicture(story, entry.page->picture);
            QStringList versions;
            for (const qreal scale : FitScales)
                versions.append(html.page(entry, options.allBranches, !picture, scale));
            book.storyPage(versions, picture ? picture->image : QImage());
        }
        if (!painter.end())
            return cannotWrite(filePath, Tr::tr("the PDF could not be finished."));
    }
    const QByteArray data = PdfUnicodeFix::fixExtractableText(buffer.data(), PdfUnicodeFix::sharedGlyphFixes(font));
    if (const QString why = AtomicFile::write(filePath, data); !why.isEmpty())
        return cannotWrite(filePath, why);
    return {};
}

} // namespace Storybook::Story
