package org.ensemble.failures.linear;

/**
 * The output u(z) of a model whose linear part gives z = ⟨w, x⟩, and the coefficient c(z, y) its
 * update uses in place of ∂ℓ/∂z (for GD on ½(u(z) − y)² that is u'(z)(u(z) − y); a forward-only
 * rule may use anything). The reported loss is (u(z) − y)² averaged over all instances.
 */
public interface Link {
    double output(double z);

    double coefficient(double z, double y);

    /** u(z) = z, c = z − y: GD on the square loss. */
    static Link identity() {
        return new Link() {
            @Override
            public double output(double z) {
                return z;
            }

            @Override
            public double coefficient(double z, double y) {
                return z - y;
            }
        };
    }
}
