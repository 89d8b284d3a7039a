package org.ensemble.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.style.markers.Marker;

/**
 * The settable properties of an XChart styler or series (a {@code setX(T)} with a {@code getX()}
 * or {@code isX()} beside it) as JSON, and back: numbers, strings, enums, colours, fonts, strokes,
 * markers and arrays of those. Properties of other types (formatting functions, locales, themes)
 * are not recorded: the house style sets those when a chart is drawn, so a chart rebuilt from its
 * recorded properties draws the same pixels. Applied in a fixed order, aggregate setters
 * ({@code setBaseFont}, {@code setAxis…}) before the per-axis ones they would overwrite.
 */
final class BeanProperties {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKERS = "org.knowm.xchart.style.markers.";

    private BeanProperties() {
    }

    /** The recorded properties of a bean, unset (null) ones left out. */
    static ObjectNode read(Object bean) {
        ObjectNode out = NODES.objectNode();
        for (Property p : properties(bean.getClass())) {
            Object v = p.get(bean);
            if (v != null) {
                out.set(p.name, encode(v, p.type));
            }
        }
        return out;
    }

    /** Sets every recorded property on a bean of the same class. */
    static void apply(Object bean, JsonNode recorded) {
        Map<String, Property> byName = new java.util.HashMap<>();
        for (Property p : properties(bean.getClass())) {
            byName.put(p.name, p);
        }
        for (Property p : properties(bean.getClass())) {
            JsonNode v = recorded.get(p.name);
            if (v != null) {
                p.set(bean, decode(v, p.type));
            }
        }
        for (Iterator<String> it = recorded.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("unknown chart property " + name);
            }
        }
    }

    /** Replaces each font property of a bean that is set by {@code f} of it, BaseFont first. */
    static void mapFonts(Object bean, java.util.function.UnaryOperator<Font> f) {
        for (Property p : properties(bean.getClass())) {
            if (p.type == Font.class && p.get(bean) instanceof Font font) {
                p.set(bean, f.apply(font));
            }
        }
    }

    private record Property(String name, Class<?> type, Method getter, Method setter) {
        Object get(Object bean) {
            try {
                Object v = getter.invoke(bean);
                return v instanceof Optional<?> o ? o.orElse(null) : v;
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read chart property " + name, e);
            }
        }

        void set(Object bean, Object value) {
            try {
                setter.invoke(bean, value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot set chart property " + name, e);
            }
        }
    }

    private static List<Property> properties(Class<?> c) {
        List<Property> ps = new ArrayList<>();
        for (Method s : c.getMethods()) {
            if (!s.getName().startsWith("set") || s.getParameterCount() != 1 || !supported(s.getParameterTypes()[0])) {
                continue;
            }
            String name = s.getName().substring(3);
            Method g = getter(c, name);
            if (g != null) {
                ps.add(new Property(name, s.getParameterTypes()[0], g, s));
            }
        }
        ps.sort(Comparator.comparing((Property p) -> !p.name.equals("BaseFont")).thenComparing(Property::name));
        return ps;
    }

    private static Method getter(Class<?> c, String name) {
        for (String prefix : new String[] {"get", "is"}) {
            try {
                Method g = c.getMethod(prefix + name);
                return g;
            } catch (NoSuchMethodException e) {
                // try the other prefix
            }
        }
        return null;
    }

    private static boolean supported(Class<?> t) {
        if (t.isArray()) {
            return supported(t.getComponentType()) && !t.getComponentType().isArray();
        }
        return t.isPrimitive() || t == String.class || Number.class.isAssignableFrom(t) || t == Boolean.class
                || t.isEnum() || t == Color.class || t == Font.class || t == BasicStroke.class || t == Marker.class;
    }

    private static JsonNode encode(Object v, Class<?> t) {
        if (t.isArray()) {
            ArrayNode a = NODES.arrayNode();
            for (int i = 0; i < Array.getLength(v); i++) {
                Object e = Array.get(v, i);
                a.add(e == null ? NODES.nullNode() : encode(e, t.getComponentType()));
            }
            return a;
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (v instanceof Color c) {
            return NODES.arrayNode().add(c.getRed()).add(c.getGreen()).add(c.getBlue()).add(c.getAlpha());
        }
        if (v instanceof Font f) {
            return NODES.objectNode().put("name", f.getName()).put("style", f.getStyle()).put("size", f.getSize2D());
        }
        if (v instanceof BasicStroke s) {
            ObjectNode o = NODES.objectNode().put("width", s.getLineWidth()).put("cap", s.getEndCap())
                    .put("join", s.getLineJoin()).put("miter", s.getMiterLimit()).put("phase", s.getDashPhase());
            if (s.getDashArray() != null) {
                ArrayNode d = o.putArray("dash");
                for (float f : s.getDashArray()) {
                    d.add(f);
                }
            }
            return o;
        }
        if (v instanceof Marker m) {
            if (!m.getClass().getName().startsWith(MARKERS)) {
                throw new IllegalArgumentException("marker of a class outside XChart: " + m.getClass().getName());
            }
            return NODES.textNode(m.getClass().getSimpleName());
        }
        throw new IllegalArgumentException("cannot record a chart property of type " + t.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object decode(JsonNode n, Class<?> t) {
        if (t.isArray()) {
            Object a = Array.newInstance(t.getComponentType(), n.size());
            for (int i = 0; i < n.size(); i++) {
                Array.set(a, i, n.get(i).isNull() ? null : decode(n.get(i), t.getComponentType()));
            }
            return a;
        }
        if (t == boolean.class || t == Boolean.class) {
            return n.booleanValue();
        }
        if (t == int.class || t == Integer.class) {
            return n.intValue();
        }
        if (t == float.class || t == Float.class) {
            return n.floatValue();
        }
        if (t == double.class || t == Double.class) {
            return n.doubleValue();
        }
        if (t == String.class) {
            return n.textValue();
        }
        if (t.isEnum()) {
            return Enum.valueOf((Class) t, n.textValue());
        }
        if (t == Color.class) {
            return new Color(n.get(0).intValue(), n.get(1).intValue(), n.get(2).intValue(), n.get(3).intValue());
        }
        if (t == Font.class) {
            return new Font(n.get("name").textValue(), n.get("style").intValue(), 1)
                    .deriveFont(n.get("size").floatValue());
        }
        if (t == BasicStroke.class) {
            float[] dash = null;
            if (n.has("dash")) {
                dash = new float[n.get("dash").size()];
                for (int i = 0; i < dash.length; i++) {
                    dash[i] = n.get("dash").get(i).floatValue();
                }
            }
            return new BasicStroke(n.get("width").floatValue(), n.get("cap").intValue(), n.get("join").intValue(),
                    n.get("miter").floatValue(), dash, n.get("phase").floatValue());
        }
        if (t == Marker.class) {
            String name = n.textValue();
            if (name == null || !name.matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("not a marker name: " + n);
            }
            try {
                return Class.forName(MARKERS + name).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("unknown marker " + name, e);
            }
        }
        throw new IllegalArgumentException("cannot set a chart property of type " + t.getName());
    }
}
