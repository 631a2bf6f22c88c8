package cn.huangpu.assessment.catalogue;

/** A catalogue file that cannot be used; the message names the indicator and the problem, in Chinese. */
public class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
