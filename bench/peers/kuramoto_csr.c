/* Peer of `ensemble bench --workload kuramoto-er`: noisy Kuramoto on G(n, p) in CSR form sorted by
 * receiver, the same loop as org.ensemble.graphdynamics.NodeBlocks.step:
 *   m_i = sum_{e in senders(i)} sin(x_j - x_i);  x_i <- wrap(x_i + dt (K/<deg>) m_i + sqrt(2 D dt) xi)
 * G(n, p) by geometric skipping (Batagelj-Brandes) with splitmix64 (not the Java graph: same law,
 * same size); normals by Box-Muller from a counter hash of (seed, node, step) (counter-based like
 * Philox, cheaper). Options: --n (1000000) --degree (10) --steps (1000) --seed (1). Prints one JSON
 * line; `seconds` times the step loop only, rate = directed edges x steps / seconds. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

static uint64_t splitmix(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double u01(uint64_t w) { return ((w >> 11) + 0.5) * 0x1.0p-53; }

static double normal(uint64_t seed, uint64_t node, uint64_t step) {
    uint64_t s = seed * 0x9E3779B97F4A7C15ULL ^ (node << 20) ^ step;
    double a = u01(splitmix(&s));
    double b = u01(splitmix(&s));
    return sqrt(-2 * log(a)) * cos(2 * M_PI * b);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv) {
    long n = 1000000, steps = 1000;
    double degree = 10, K = 2, D = 0.5, dt = 0.01;
    uint64_t seed = 1;
    for (int a = 1; a + 1 < argc; a += 2) {
        if (!strcmp(argv[a], "--n")) n = atol(argv[a + 1]);
        else if (!strcmp(argv[a], "--degree")) degree = atof(argv[a + 1]);
        else if (!strcmp(argv[a], "--steps")) steps = atol(argv[a + 1]);
        else if (!strcmp(argv[a], "--seed")) seed = strtoull(argv[a + 1], 0, 10);
        else { fprintf(stderr, "unknown option %s\n", argv[a]); return 2; }
    }
    double p = degree / (n - 1.0);
    /* undirected edges by geometric skipping, then CSR by receiver (counting sort; senders ascend) */
    size_t cap = (size_t)(p * n * (n - 1.0) / 2 * 1.1) + 16, m = 0;
    int *ea = malloc(cap * sizeof(int)), *eb = malloc(cap * sizeof(int));
    uint64_t rs = seed;
    double lq = log1p(-p);
    long v = 1, w = -1;
    while (v < n) {
        w += 1 + (long)floor(log1p(-u01(splitmix(&rs))) / lq);
        while (w >= v && v < n) { w -= v; v++; }
        if (v < n) {
            if (m == cap) { cap *= 2; ea = realloc(ea, cap * sizeof(int)); eb = realloc(eb, cap * sizeof(int)); }
            ea[m] = (int)v; eb[m] = (int)w; m++;
        }
    }
    long *off = calloc(n + 1, sizeof(long));
    for (size_t e = 0; e < m; e++) { off[ea[e] + 1]++; off[eb[e] + 1]++; }
    for (long i = 0; i < n; i++) off[i + 1] += off[i];
    long *fill = malloc(n * sizeof(long));
    memcpy(fill, off, n * sizeof(long));
    int *snd = malloc(2 * m * sizeof(int));
    /* edges come out with w < v in increasing (v, w) order: receiver v gets senders w ascending; receiver w
     * gets senders v ascending too, but interleaved with its smaller senders, so sort each segment */
    for (size_t e = 0; e < m; e++) { snd[fill[ea[e]]++] = eb[e]; snd[fill[eb[e]]++] = ea[e]; }
    for (long i = 0; i < n; i++) {
        for (long a = off[i] + 1; a < off[i + 1]; a++) {
            int key = snd[a]; long b = a - 1;
            while (b >= off[i] && snd[b] > key) { snd[b + 1] = snd[b]; b--; }
            snd[b + 1] = key;
        }
    }
    free(ea); free(eb); free(fill);
    long edges = off[n];
    double c = K * n / (double)edges, scale = sqrt(2 * D * dt);
    double *x = malloc(n * sizeof(double)), *y = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) { uint64_t s = seed ^ (uint64_t)i * 0xD1B54A32D192ED03ULL; x[i] = 2 * M_PI * u01(splitmix(&s)); }
    double t0 = now();
    for (long k = 0; k < steps; k++) {
        #pragma omp parallel for schedule(static)
        for (long i = 0; i < n; i++) {
            double xi = x[i], s = 0;
            for (long e = off[i]; e < off[i + 1]; e++) s += sin(x[snd[e]] - xi);
            double v2 = xi + dt * c * s + scale * normal(seed, (uint64_t)i, (uint64_t)k);
            v2 -= 2 * M_PI * floor(v2 / (2 * M_PI));
            y[i] = v2;
        }
        double *t = x; x = y; y = t;
    }
    double sec = now() - t0;
    double sc = 0, ss = 0;
    for (long i = 0; i < n; i++) { sc += cos(x[i]); ss += sin(x[i]); }
    int threads = 1;
#ifdef _OPENMP
    threads = omp_get_max_threads();
#endif
    printf("{\"impl\": \"c-omp%d\", \"n\": %ld, \"edges\": %ld, \"steps\": %ld, \"seconds\": %.6f, \"rate\": %.6e,"
           " \"r\": %.6f}\n", threads, n, edges, steps, sec, edges * (double)steps / sec, hypot(sc, ss) / n);
    return 0;
}
