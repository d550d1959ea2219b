package dev.ignis.engine.internal.model;

import dev.ignis.engine.internal.codegen.HiddenClasses;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a {@link RowFiller} per column list: straight-line code with one call per column, each calling that
 * column's writer ({@link PropertyHandles}) as a constant of the generated class. A loop over the columns calls every
 * writer from one place, which the JIT can neither inline nor predict; as constants, each writer is inlined down to
 * its field store or setter call, so a row is filled as hand-written code fills it. The class is hidden, defined in
 * this package, and gets its handles as class data ({@link MethodHandles#classDataAt}).
 */
final class RowFillers {
    private static final Logger LOG = LoggerFactory.getLogger(RowFillers.class);
    private static final String SELF = "dev/ignis/engine/internal/model/RowFiller$Generated";
    private static final String METHOD_HANDLE = "java/lang/invoke/MethodHandle";
    private static final String HANDLE = "L" + METHOD_HANDLE + ";";
    // Locals of fill(Object[] row, int offset): 0 this, 1 row, 2 offset, then these.
    private static final int INSTANCE = 3;
    private static final int VALUE = 4;
    private static final int FIRST_EMBEDDABLE = 5;

    private RowFillers() {
    }

    /**
     * A filler for {@code columns} (the id first, not inside an embeddable), or null when none can be generated;
     * the caller then fills rows itself.
     */
    static RowFiller generate(ModelDescriptor model, List<AttributeDescriptor> columns) {
        if (columns.isEmpty() || columns.get(0).container() != null) {
            return null;
        }
        List<Object> embeddables = new ArrayList<>();
        List<AttributeDescriptor> representatives = new ArrayList<>();
        int[] embeddableOf = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Object container = columns.get(i).container();
            int index = container == null ? -1 : embeddables.indexOf(container);
            if (container != null && index < 0) {
                index = embeddables.size();
                embeddables.add(container);
                representatives.add(columns.get(i));
            }
            embeddableOf[i] = index;
        }
        // The class data, in this order: the model's creator, one writer per column, then per embeddable its
        // creator and the writer that puts it into the model.
        Class<?> type = model.modelClass();
        List<MethodHandle> handles = new ArrayList<>();
        // Bytecode-enhanced models get Hibernate's interceptor on creation, so only Hibernate may create them.
        handles.add(PersistentAttributeInterceptable.class.isAssignableFrom(type) ? PropertyHandles.creator(model.instantiator())
                : PropertyHandles.creator(type, model.instantiator()));
        columns.forEach(column -> handles.add(PropertyHandles.writer(column.leafSetter())));
        for (AttributeDescriptor representative : representatives) {
            handles.add(PropertyHandles.creator(representative.containerFactory()));
            handles.add(PropertyHandles.writer(representative.containerSetter()));
        }
        try {
            ClassWriter writer = HiddenClasses.start(SELF, "dev/ignis/engine/internal/model/RowFiller", handles.size(), HANDLE);
            fill(writer, columns.size(), embeddableOf, embeddables.size());
            return HiddenClasses.instantiate(MethodHandles.lookup(), writer, handles, RowFiller.class);
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof LinkageError)) {
                throw error;
            }
            LOG.debug("Rows of {} are filled column by column: {}", model.name(), e.toString());
            return null;
        }
    }

    /** What {@code RowReader}'s loop does, unrolled: see {@link RowFiller#fill}. */
    private static void fill(ClassWriter writer, int width, int[] embeddableOf, int embeddables) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC, "fill", "([Ljava/lang/Object;I)Ljava/lang/Object;", null, null);
        code.visitCode();
        // Object value = row[offset]; if (value == null) return null;
        loadValue(code, 0);
        Label hasId = new Label();
        code.visitVarInsn(Opcodes.ALOAD, VALUE);
        code.visitJumpInsn(Opcodes.IFNONNULL, hasId);
        code.visitInsn(Opcodes.ACONST_NULL);
        code.visitInsn(Opcodes.ARETURN);
        code.visitLabel(hasId);
        // Object instance = creator(); writer0(instance, value);
        create(code, 0);
        code.visitVarInsn(Opcodes.ASTORE, INSTANCE);
        write(code, 1, INSTANCE, VALUE);
        for (int e = 0; e < embeddables; e++) {
            code.visitInsn(Opcodes.ACONST_NULL);
            code.visitVarInsn(Opcodes.ASTORE, FIRST_EMBEDDABLE + e);
        }
        for (int i = 1; i < width; i++) {
            // value = row[offset + i]; if (value != null) { ... }
            loadValue(code, i);
            Label next = new Label();
            code.visitVarInsn(Opcodes.ALOAD, VALUE);
            code.visitJumpInsn(Opcodes.IFNULL, next);
            int embeddable = embeddableOf[i];
            if (embeddable < 0) {
                write(code, 1 + i, INSTANCE, VALUE);
            } else {
                // An embeddable is created, and put into the instance, with its first non-null property.
                int local = FIRST_EMBEDDABLE + embeddable;
                int handles = 1 + width + 2 * embeddable;
                Label exists = new Label();
                code.visitVarInsn(Opcodes.ALOAD, local);
                code.visitJumpInsn(Opcodes.IFNONNULL, exists);
                create(code, handles);
                code.visitVarInsn(Opcodes.ASTORE, local);
                write(code, handles + 1, INSTANCE, local);
                code.visitLabel(exists);
                write(code, 1 + i, local, VALUE);
            }
            code.visitLabel(next);
        }
        code.visitVarInsn(Opcodes.ALOAD, INSTANCE);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** {@code value = row[offset + column];} */
    private static void loadValue(MethodVisitor code, int column) {
        code.visitVarInsn(Opcodes.ALOAD, 1);
        code.visitVarInsn(Opcodes.ILOAD, 2);
        if (column > 0) {
            code.visitLdcInsn(column);
            code.visitInsn(Opcodes.IADD);
        }
        code.visitInsn(Opcodes.AALOAD);
        code.visitVarInsn(Opcodes.ASTORE, VALUE);
    }

    /** Pushes class data handle {@code index}, a constant the JIT sees through. */
    private static void handle(MethodVisitor code, int index) {
        HiddenClasses.loadConstant(code, index, HANDLE);
    }

    /** {@code handles[index].invokeExact()}, leaving the new instance on the stack. */
    private static void create(MethodVisitor code, int index) {
        handle(code, index);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", "()Ljava/lang/Object;", false);
    }

    /** {@code handles[index].invokeExact(<target local>, <value local>)}. */
    private static void write(MethodVisitor code, int index, int targetLocal, int valueLocal) {
        handle(code, index);
        code.visitVarInsn(Opcodes.ALOAD, targetLocal);
        code.visitVarInsn(Opcodes.ALOAD, valueLocal);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
    }
}
