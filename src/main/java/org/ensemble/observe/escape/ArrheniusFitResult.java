package org.ensemble.observe.escape;

/**
 * ln k = ln A − ΔV·β fitted by weighted least squares.
 *
 * @param barrier       ΔV (minus the slope)
 * @param barrierSe     its standard error, scaled by {@code seScale}
 * @param barrierCiLow  lower end of the CI: ΔV − q·SE, q the Student-t quantile with {@code dof} degrees of
 *                      freedom (the normal quantile when dof = 0)
 * @param barrierCiHigh upper end of the CI
 * @param lnPrefactor   ln A (the intercept at β = 0)
 * @param lnPrefactorSe its standard error, scaled by {@code seScale}
 * @param prefactor     A = e^{ln A}
 * @param prefactorSe   A·SE(ln A) (delta method; A's own law is skewed, prefer ln A's SE for intervals)
 * @param chi2          Σ ((ln kᵢ − fit)/SEᵢ)²
 * @param dof           points − 2
 * @param chi2PerDof    χ²/dof, about 1 when the SEs are right and the law is Arrhenius; NaN with two points
 * @param seScale       √(χ²/dof) applied to the SEs (1 with two points, where the scatter is unknown)
 * @param points        number of (β, ln k) points
 * @param confidence    the CI's level
 * @param method        {@value ArrheniusFit#WLS_T} or {@value ArrheniusFit#WLS_TWO_POINTS}
 */
public record ArrheniusFitResult(double barrier, double barrierSe, double barrierCiLow, double barrierCiHigh,
                                 double lnPrefactor, double lnPrefactorSe, double prefactor, double prefactorSe,
                                 double chi2, int dof, double chi2PerDof, double seScale, int points,
                                 double confidence, String method) {
}
