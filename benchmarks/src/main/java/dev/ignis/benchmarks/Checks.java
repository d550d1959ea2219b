package dev.ignis.benchmarks;

import dev.ignis.benchmarks.hibernate.HConfiguration;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.support.Dataset;

import java.util.List;

/** Sanity checks run once per fork before measuring: every contender must return the same full page. */
final class Checks {
    private Checks() {
    }

    static void page(List<Configuration> rows) {
        if (rows.size() != Dataset.PAGE) {
            throw new IllegalStateException("expected " + Dataset.PAGE + " rows, got " + rows.size());
        }
        for (Configuration row : rows) {
            if (!Dataset.QUERY_GROUP.equals(row.getGroup()) || row.getCreator() == null || row.getModifier() == null
                    || !row.getCreatedBy().equals(row.getCreator().getId()) || !row.getModifiedBy().equals(row.getModifier().getId())
                    || row.getCreator().getName() == null || row.getTz().getCreatedAt() == null) {
                throw new IllegalStateException("row " + row.getId() + " is incomplete: relations or columns missing");
            }
        }
    }

    static void hibernatePage(List<HConfiguration> rows) {
        if (rows.size() != Dataset.PAGE) {
            throw new IllegalStateException("expected " + Dataset.PAGE + " rows, got " + rows.size());
        }
        for (HConfiguration row : rows) {
            if (row.getCreator() == null || row.getCreator().getName() == null || row.getModifier() == null) {
                throw new IllegalStateException("row " + row.getId() + " is incomplete");
            }
        }
    }
}
