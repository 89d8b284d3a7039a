package org.ensemble.splitting;

/**
 * The mean first-passage time A → B from loop statistics and the splitting probability
 * (Cérou–Guyader–Lelièvre–Pommier 2011): a particle makes a geometric number of failed excursions
 * before the successful one, so T = E[τ₁]/p + (1 − p)/p · E[τ₂] + E[τ₃] = E[τ₁ + τ₂]/p − E[τ₂] + E[τ₃]
 * (τ₁: A to Σ, τ₂: Σ back to A, τ₃: Σ to B, the reactive time). Its SE combines the loop mean's
 * and p's relative SEs (independent runs).
 */
public record RenewalMfpt(double beta, double mfpt, double se, double p, double pSe, double meanLoop, double loopSe,
                          double reactiveTime, double exact, double z) {
    public static RenewalMfpt of(FluxRun.Result flux, AmsEstimate ams, double exact) {
        double tau3 = Double.isFinite(ams.meanReactiveTime()) ? ams.meanReactiveTime() : 0;
        double t = flux.meanLoop() / ams.p() - flux.meanBack() + tau3;
        double rel = Math.hypot(flux.loopSe() / flux.meanLoop(), ams.relSe());
        double se = rel * flux.meanLoop() / ams.p();
        return new RenewalMfpt(flux.beta(), t, se, ams.p(), ams.se(), flux.meanLoop(), flux.loopSe(), tau3, exact,
                (t - exact) / se);
    }
}
