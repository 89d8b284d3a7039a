/**
 * Theory beside simulation: exact 1-D mean first-passage times by quadrature, minima and saddles
 * located numerically (finite-difference Hessians, nudged elastic band), and Eyring–Kramers rates.
 */
package org.ensemble.theory;
