package org.ensemble.observe.escape;

/**
 * ln k = ln A − ΔV·β fitted by weighted least squares.
 *
 * @param barrier        ΔV (minus the slope)
 * @param barrierSe      its standard error (inflated by √(χ²/dof) when that exceeds 1)
 * @param lnPrefactor    ln A
 * @param chi2PerDof     goodness of fit (NaN with two points)
 */
public record ArrheniusFitResult(double barrier, double barrierSe, double barrierCiLow, double barrierCiHigh,
                                 double lnPrefactor, double lnPrefactorSe, double chi2PerDof, int points) {
}
