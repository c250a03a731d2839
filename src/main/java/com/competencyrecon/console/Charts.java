package com.competencyrecon.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the console's inline SVG charts, worked out here so the templates only draw: a bar chart
 * (rejects per night) and a step chart of levels over nights (one line per competency).
 */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    static final int LEFT = 48;
    static final int BOTTOM = 36;
    static final int TOP = 12;
    static final int MAX_BAR = 48;

    private Charts() {
    }

    /** A bar with its label under it and its value over it. */
    record Bar(int x, int y, int width, int height, String label, long value) {
    }

    record BarChart(List<Bar> bars, long max, String description) {
    }

    /** One line of a level chart: its points as SVG {@code points}, and a mark per night for the values. */
    record Line(String name, String points, List<Mark> marks, int colour) {
    }

    record Mark(int x, int y, String label) {
    }

    /** The night labels under a level chart. */
    record Tick(int x, String label) {
    }

    record LevelChart(List<Line> lines, List<Tick> nights, String description) {
    }

    static BarChart bars(List<String> labels, List<Long> values, String description) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(0));
        int slots = Math.max(1, labels.size());
        int slot = (WIDTH - LEFT) / slots;
        int plot = HEIGHT - BOTTOM - TOP;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long v = values.get(i);
            int h = (int) Math.round((double) v / max * plot);
            int width = Math.min(MAX_BAR, Math.max(2, slot * 2 / 3));
            bars.add(new Bar(LEFT + i * slot + (slot - width) / 2, HEIGHT - BOTTOM - h, width, h, labels.get(i), v));
        }
        return new BarChart(bars, max, description);
    }

    /**
     * Levels (0 NONE, 1 SILVER, 2 GOLD) per night: {@code levels.get(line).get(night)}, null where a night has
     * no result for that line (the line then breaks no point there).
     */
    static LevelChart levels(List<String> nights, List<String> names, List<List<Integer>> levels,
                             String description) {
        int slots = Math.max(1, nights.size());
        int step = (WIDTH - LEFT - 16) / Math.max(1, slots - 1);
        int plot = HEIGHT - BOTTOM - TOP;
        List<Tick> ticks = new ArrayList<>();
        for (int n = 0; n < nights.size(); n++) {
            ticks.add(new Tick(x(n, step, slots), nights.get(n)));
        }
        List<Line> lines = new ArrayList<>();
        for (int l = 0; l < names.size(); l++) {
            StringBuilder points = new StringBuilder();
            List<Mark> marks = new ArrayList<>();
            for (int n = 0; n < nights.size(); n++) {
                Integer level = levels.get(l).get(n);
                if (level == null) {
                    continue;
                }
                // Lines of equal levels are set apart a little so each stays visible.
                int y = HEIGHT - BOTTOM - level * plot / 2 + (l % 5) * 2 - 4;
                int x = x(n, step, slots);
                points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
                marks.add(new Mark(x, y, names.get(l) + " " + nights.get(n) + ": " + LEVEL_NAMES[level]));
            }
            lines.add(new Line(names.get(l), points.toString(), marks, l % 6));
        }
        return new LevelChart(lines, ticks, description);
    }

    static final String[] LEVEL_NAMES = {"NONE", "SILVER", "GOLD"};

    private static int x(int n, int step, int slots) {
        return slots == 1 ? LEFT + (WIDTH - LEFT) / 2 : LEFT + 8 + n * step;
    }
}
