package dev.ignis.engine.internal.execute;

import dev.ignis.engine.internal.codegen.HiddenClasses;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * Generates a {@link TupleReader} per planned select: one call per column, each on that column's
 * {@link SelectPlan.Column} as a constant of the generated class. A loop calls every column's {@code read} from one
 * place, so the JIT keeps the tests of how a column is read and a call into the driver whose target varies with
 * the column; with a constant column (a record, whose fields the JIT trusts) those tests fold away and each column
 * becomes the one {@code ResultSet} call hand-written code would make.
 */
final class TupleReaders {
    private static final Logger LOG = LoggerFactory.getLogger(TupleReaders.class);
    private static final String SELF = "dev/ignis/engine/internal/execute/TupleReader$Generated";
    private static final String COLUMN = "dev/ignis/engine/internal/execute/SelectPlan$Column";
    private static final String READ = "(Ljava/sql/ResultSet;Lorg/hibernate/type/descriptor/WrapperOptions;)Ljava/lang/Object;";
    // Locals of read(ResultSet rs, WrapperOptions options): 0 this, 1 rs, 2 options, then the row.
    private static final int ROW = 3;

    private TupleReaders() {
    }

    /** A reader for {@code columns}; the plain loop over them where no class can be generated. */
    static TupleReader generate(SelectPlan.Column[] columns) {
        try {
            ClassWriter writer = HiddenClasses.start(SELF, "dev/ignis/engine/internal/execute/TupleReader", columns.length, "L" + COLUMN + ";");
            read(writer, columns.length);
            return HiddenClasses.instantiate(MethodHandles.lookup(), writer, List.of(columns), TupleReader.class);
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof LinkageError)) {
                throw error;
            }
            LOG.debug("Planned select reads its {} columns in a loop: {}", columns.length, e.toString());
            return loop(columns);
        }
    }

    /** A reader that calls each column's {@code read} in a loop. */
    static TupleReader loop(SelectPlan.Column[] columns) {
        return (rs, options) -> {
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                row[c] = columns[c].read(rs, options);
            }
            return row;
        };
    }

    /** {@code Object[] read(ResultSet rs, WrapperOptions options)}: one call per column, on the column as a constant. */
    private static void read(ClassWriter writer, int width) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC, "read", "(Ljava/sql/ResultSet;Lorg/hibernate/type/descriptor/WrapperOptions;)[Ljava/lang/Object;",
                null, new String[]{"java/sql/SQLException"});
        code.visitCode();
        code.visitLdcInsn(width);
        code.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        code.visitVarInsn(Opcodes.ASTORE, ROW);
        for (int c = 0; c < width; c++) {
            // row[c] = column(c).read(rs, options);
            code.visitVarInsn(Opcodes.ALOAD, ROW);
            code.visitLdcInsn(c);
            HiddenClasses.loadConstant(code, c, "L" + COLUMN + ";");
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, COLUMN, "read", READ, false);
            code.visitInsn(Opcodes.AASTORE);
        }
        code.visitVarInsn(Opcodes.ALOAD, ROW);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }
}
