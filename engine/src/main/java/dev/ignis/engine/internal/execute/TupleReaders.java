package dev.ignis.engine.internal.execute;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Generates a {@link TupleReader} per planned select: one call per column, each on that column's
 * {@link SelectPlan.Column} as a constant of the generated class. A loop calls every column's {@code read} from one
 * place, so the JIT keeps the switch over how a column is read and a call into the driver whose target varies with
 * the column; with a constant column (a record, whose fields the JIT trusts) the switch folds away and each column
 * becomes the one {@code ResultSet} call hand-written code would make.
 */
final class TupleReaders {
    private static final Logger LOG = LoggerFactory.getLogger(TupleReaders.class);
    private static final String SELF = "dev/ignis/engine/internal/execute/TupleReader$Generated";
    private static final String OBJECT = "java/lang/Object";
    private static final String COLUMN = "dev/ignis/engine/internal/execute/SelectPlan$Column";
    private static final String READ = "(Ljava/sql/ResultSet;Lorg/hibernate/type/descriptor/WrapperOptions;)Ljava/lang/Object;";
    private static final Handle CLASS_DATA_AT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);
    // Locals of read(ResultSet rs, WrapperOptions options): 0 this, 1 rs, 2 options, then the row.
    private static final int ROW = 3;

    private TupleReaders() {
    }

    /** A reader for {@code columns}; the plain loop over them where no class can be generated. */
    static TupleReader generate(SelectPlan.Column[] columns) {
        try {
            byte[] bytes = classBytes(columns.length);
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, List.of(columns), true);
            return (TupleReader) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof LinkageError)) {
                throw error;
            }
            LOG.debug("Planned select reads its {} columns in a loop: {}", columns.length, e.toString());
            return (rs, options) -> {
                Object[] row = new Object[columns.length];
                for (int c = 0; c < columns.length; c++) {
                    row[c] = columns[c].read(rs, options);
                }
                return row;
            };
        }
    }

    private static byte[] classBytes(int width) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return OBJECT; // straight-line code: no frames to merge
            }
        };
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, SELF, null, OBJECT,
                new String[]{"dev/ignis/engine/internal/execute/TupleReader"});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC, "read", "(Ljava/sql/ResultSet;Lorg/hibernate/type/descriptor/WrapperOptions;)[Ljava/lang/Object;",
                null, new String[]{"java/sql/SQLException"});
        code.visitCode();
        code.visitLdcInsn(width);
        code.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
        code.visitVarInsn(Opcodes.ASTORE, ROW);
        for (int c = 0; c < width; c++) {
            // row[c] = column(c).read(rs, options);
            code.visitVarInsn(Opcodes.ALOAD, ROW);
            code.visitLdcInsn(c);
            code.visitLdcInsn(new ConstantDynamic("_", "L" + COLUMN + ";", CLASS_DATA_AT, c));
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, COLUMN, "read", READ, false);
            code.visitInsn(Opcodes.AASTORE);
        }
        code.visitVarInsn(Opcodes.ALOAD, ROW);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
