package chamada.reliability;

/**
 * What a power-loss campaign found: {@code cuts} power cuts, the check-ins and the opens and
 * closes acknowledged before them, the most acknowledged writes missing after any restart, and
 * how many cuts lost writes that were there before them.
 */
record PowerCutFigures(int cuts, long checkIns, long opensAndCloses, long lost, int cutsWithLoss) {

    /** One line for the log of a full run, which RELIABILITY.md quotes. */
    String line(String run) {
        return "POWER LOSS (" + run + "): " + cuts + " cuts, " + checkIns + " acknowledged check-ins and "
                + opensAndCloses + " opens and closes checked, " + lost + " lost at worst, " + cutsWithLoss
                + " cuts with a loss";
    }
}
