package dev.ignis.engine.internal.execute;

import org.hibernate.type.descriptor.WrapperOptions;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a planned select: each select item at its index. Generated per plan ({@link TupleReaders}). */
interface TupleReader {
    Object[] read(ResultSet rs, WrapperOptions options) throws SQLException;
}
