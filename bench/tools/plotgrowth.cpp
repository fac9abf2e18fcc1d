// storybook-bench-plot: draws how each benchmark's cost grows with its size, as an SVG.
//
//   storybook-bench-plot --output growth.svg a.csv [b.csv ...]
//
// Input rows: benchmark,size,metric,value,unit (a header line is skipped). A metric "name:series"
// puts the series in the panel "benchmark — name"; a metric without ":" is a one-series panel.
// Each panel is log-log: a straight line at 45° is linear growth. The dashed grey line is the
// linear extrapolation of the first series from its smallest size, so a curve bending above it
// is worse than linear.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

struct Point
{
    double size = 0;
    double value = 0;
};

struct Panel
{
    QString title;
    QString unit;
    QMap<QString, QList<Point>> series; // by series name, points sorted by size
};

const char* const kColours[] = {"#2f6fb0", "#d0632b", "#3b9a4d", "#8d4fb3", "#b8860b", "#c23b5a"};

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString number(double value)
{
    if (value >= 100)
        return QString::number(value, 'f', 0);
    if (value >= 1)
        return QString::number(value, 'g', 3);
    return QString::number(value, 'g', 2);
}

bool readCsv(const QString& path, QMap<QString, Panel>& panels, QStringList& order, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        ++lineNumber;
        if (line.isEmpty() || line.startsWith(QLatin1String("benchmark,")))
            continue;
        const QStringList fields = line.split(QLatin1Char(','));
        bool sizeOk = false;
        bool valueOk = false;
        const double size = fields.value(1).toDouble(&sizeOk);
        const double value = fields.value(3).toDouble(&valueOk);
        if (fields.size() < 5 || !sizeOk || !valueOk) {
            error = QStringLiteral("%1:%2: expected benchmark,size,metric,value,unit").arg(path).arg(lineNumber);
            return false;
        }
        const QString metric = fields.at(2);
        const qsizetype colon = metric.indexOf(QLatin1Char(':'));
        const QString base = colon < 0 ? metric : metric.left(colon);
        const QString seriesName = colon < 0 ? metric : metric.mid(colon + 1);
        const QString key = fields.at(0) + QLatin1Char('\n') + base;
        if (!panels.contains(key)) {
            order.append(key);
            panels[key].title = fields.at(0) + QStringLiteral(" — ") + base;
            panels[key].unit = fields.at(4);
        }
        panels[key].series[seriesName].append({size, value});
    }
    return true;
}

// One panel at (x0, y0), width w, height h.
void drawPanel(QTextStream& svg, const Panel& panel, double x0, double y0, double w, double h)
{
    const double left = x0 + 56, right = x0 + w - 12, top = y0 + 28, bottom = y0 + h - 64;
    double minX = INFINITY, maxX = 0, minY = INFINITY, maxY = 0;
    for (const QList<Point>& points : panel.series) {
        for (const Point& p : points) {
            if (p.size <= 0 || p.value <= 0)
                continue;
            minX = std::min(minX, p.size);
            maxX = std::max(maxX, p.size);
            minY = std::min(minY, p.value);
            maxY = std::max(maxY, p.value);
        }
    }
    svg << "<text x='" << x0 + w / 2 << "' y='" << y0 + 16 << "' text-anchor='middle' font-weight='bold'>"
        << escaped(panel.title) << "</text>\n";
    if (!(maxX > 0) || !(maxY > 0)) {
        svg << "<text x='" << x0 + w / 2 << "' y='" << y0 + h / 2 << "' text-anchor='middle'>no positive values</text>\n";
        return;
    }
    // Pad to whole decades so the slopes read true.
    const double lx0 = std::floor(std::log10(minX)), lx1 = std::max(lx0 + 1, std::ceil(std::log10(maxX)));
    const double ly0 = std::floor(std::log10(minY)), ly1 = std::max(ly0 + 1, std::ceil(std::log10(maxY)));
    auto px = [&](double v) { return left + (std::log10(v) - lx0) / (lx1 - lx0) * (right - left); };
    auto py = [&](double v) { return bottom - (std::log10(v) - ly0) / (ly1 - ly0) * (bottom - top); };

    svg << "<rect x='" << left << "' y='" << top << "' width='" << right - left << "' height='" << bottom - top
        << "' fill='none' stroke='#999'/>\n";
    for (double d = lx0; d <= lx1 + 1e-9; d += 1) {
        const double x = left + (d - lx0) / (lx1 - lx0) * (right - left);
        svg << "<line x1='" << x << "' y1='" << top << "' x2='" << x << "' y2='" << bottom << "' stroke='#eee'/>"
            << "<text x='" << x << "' y='" << bottom + 14 << "' text-anchor='middle' font-size='10'>"
            << number(std::pow(10.0, d)) << "</text>\n";
    }
    for (double d = ly0; d <= ly1 + 1e-9; d += 1) {
        const double y = bottom - (d - ly0) / (ly1 - ly0) * (bottom - top);
        svg << "<line x1='" << left << "' y1='" << y << "' x2='" << right << "' y2='" << y << "' stroke='#eee'/>"
            << "<text x='" << left - 4 << "' y='" << y + 3 << "' text-anchor='end' font-size='10'>"
            << number(std::pow(10.0, d)) << "</text>\n";
    }
    svg << "<text x='" << x0 + 12 << "' y='" << (top + bottom) / 2 << "' font-size='10' transform='rotate(-90 "
        << x0 + 12 << ' ' << (top + bottom) / 2 << ")' text-anchor='middle'>" << escaped(panel.unit) << "</text>\n";

    int colour = 0;
    bool referenceDrawn = false;
    double legendX = left;
    for (auto it = panel.series.cbegin(); it != panel.series.cend(); ++it, ++colour) {
        QList<Point> points = it.value();
        points.erase(std::remove_if(points.begin(), points.end(),
                                    [](const Point& p) { return p.size <= 0 || p.value <= 0; }),
                     points.end());
        std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.size < b.size; });
        if (points.isEmpty())
            continue;
        const char* stroke = kColours[colour % std::size(kColours)];
        if (!referenceDrawn && points.size() > 1) {
            // Linear growth from the first point, clipped to the panel.
            const Point& p = points.first();
            const double endX = std::pow(10.0, lx1);
            const double endY = std::min(p.value * endX / p.size, std::pow(10.0, ly1));
            const double clippedX = p.size * endY / p.value;
            svg << "<line x1='" << px(p.size) << "' y1='" << py(p.value) << "' x2='" << px(clippedX) << "' y2='"
                << py(endY) << "' stroke='#bbb' stroke-dasharray='4 3'/>\n";
            referenceDrawn = true;
        }
        svg << "<polyline fill='none' stroke='" << stroke << "' stroke-width='2' points='";
        for (const Point& p : points)
            svg << px(p.size) << ',' << py(p.value) << ' ';
        svg << "'/>\n";
        for (const Point& p : points)
            svg << "<circle cx='" << px(p.size) << "' cy='" << py(p.value) << "' r='3' fill='" << stroke << "'><title>"
                << escaped(it.key()) << ": " << number(p.value) << ' ' << escaped(panel.unit) << " at "
                << number(p.size) << "</title></circle>\n";
        const double legendY = bottom + 30 + (colour / 3) * 14;
        if (colour % 3 == 0)
            legendX = left;
        svg << "<rect x='" << legendX << "' y='" << legendY - 8 << "' width='10' height='10' fill='" << stroke
            << "'/><text x='" << legendX + 14 << "' y='" << legendY + 1 << "' font-size='10'>" << escaped(it.key())
            << "</text>\n";
        legendX += (right - left) / 3;
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Draws benchmark growth (log-log) from CSV files as SVG."));
    parser.addHelpOption();
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("The SVG file to write."),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    parser.addPositionalArgument(QStringLiteral("csv"), QStringLiteral("benchmark,size,metric,value,unit files"));
    parser.process(app);
    if (!parser.isSet(output) || parser.positionalArguments().isEmpty()) {
        std::fputs("usage: storybook-bench-plot --output FILE.svg CSV...\n", stderr);
        return 2;
    }

    QMap<QString, Panel> panels;
    QStringList order;
    for (const QString& path : parser.positionalArguments()) {
        QString error;
        if (!readCsv(path, panels, order, error)) {
            std::fprintf(stderr, "storybook-bench-plot: %s\n", qPrintable(error));
            return 1;
        }
    }
    if (order.isEmpty()) {
        std::fputs("storybook-bench-plot: no data rows\n", stderr);
        return 1;
    }

    const int columns = int(std::min<qsizetype>(3, order.size()));
    const double panelW = 340, panelH = 270;
    const int rows = int((order.size() + columns - 1) / columns);
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        std::fprintf(stderr, "storybook-bench-plot: %s\n", qPrintable(file.errorString()));
        return 1;
    }
    QTextStream svg(&file);
    svg << "<?xml version='1.0' encoding='UTF-8'?>\n<svg xmlns='http://www.w3.org/2000/svg' width='"
        << columns * panelW << "' height='" << rows * panelH + 30 << "' font-family='sans-serif' font-size='12'>\n"
        << "<rect width='100%' height='100%' fill='white'/>\n"
        << "<text x='8' y='18' font-size='13'>How cost grows with size (log-log; dashed: linear from the smallest "
           "size)</text>\n";
    for (int i = 0; i < order.size(); ++i)
        drawPanel(svg, panels.value(order.at(i)), (i % columns) * panelW, 30 + (i / columns) * panelH, panelW, panelH);
    svg << "</svg>\n";
    svg.flush();
    if (!file.commit()) {
        std::fprintf(stderr, "storybook-bench-plot: %s\n", qPrintable(file.errorString()));
        return 1;
    }
    return 0;
}
