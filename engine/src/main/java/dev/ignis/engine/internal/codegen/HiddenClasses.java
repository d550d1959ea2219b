package dev.ignis.engine.internal.codegen;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the engine's generated classes have in common: a final class implementing one interface, whose constants are
 * the elements of its class data ({@link MethodHandles#classDataAt}), defined as a hidden class in the package of the
 * lookup given and created through its no-argument constructor. Constants the JIT sees through are the reason to
 * generate code at all: a call on one folds to what the constant does.
 */
public final class HiddenClasses {
    private static final String OBJECT = "java/lang/Object";
    private static final Handle CLASS_DATA_AT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);

    /**
     * When set, every class about to be defined fails with this instead: the seam through which tests make
     * generation fail and watch the callers fall back to code that is not generated. Null in normal use.
     */
    static volatile Supplier<RuntimeException> refusal;

    private HiddenClasses() {
    }

    /**
     * A class {@code name} implementing {@code iface} (internal names), with a constructor that resolves its
     * {@code constants} class-data constants of type {@code descriptor}: the JIT refuses to compile a method while a
     * branch it has not yet taken still holds an unresolved constant, and the method would stay interpreted.
     */
    public static ClassWriter start(String name, String iface, int constants, String descriptor) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return OBJECT; // locals are Objects; nothing needs loading to merge frames
            }
        };
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, OBJECT, new String[]{iface});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        for (int index = 0; index < constants; index++) {
            loadConstant(init, index, descriptor);
            init.visitInsn(Opcodes.POP);
        }
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        return writer;
    }

    /** Pushes class-data element {@code index}, of type {@code descriptor}, as a constant. */
    public static void loadConstant(MethodVisitor code, int index, String descriptor) {
        code.visitLdcInsn(new ConstantDynamic("_", descriptor, CLASS_DATA_AT, index));
    }

    /** Defines the finished class as a hidden class in {@code lookup}'s package and creates one instance. */
    public static <T> T instantiate(MethodHandles.Lookup lookup, ClassWriter writer, List<?> classData, Class<T> type) throws Throwable {
        writer.visitEnd();
        Supplier<RuntimeException> refused = refusal;
        if (refused != null) {
            throw refused.get();
        }
        MethodHandles.Lookup hidden = lookup.defineHiddenClassWithClassData(writer.toByteArray(), List.copyOf(classData), true);
        return type.cast(hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke());
    }
}
