package chamada.materials;

import java.util.List;
import java.util.Optional;

/**
 * How a student names the material they want: by its name, or by its number in the class's list
 * sorted by name, as the seed's menu numbers its files from 1.
 */
public sealed interface MaterialChoice {

    record ByName(MaterialName name) implements MaterialChoice {
    }

    record ByNumber(int number) implements MaterialChoice {
    }

    /** A word as typed: digits are a number, anything else a name. */
    static MaterialChoice parse(String word) {
        if (!word.isEmpty() && word.length() <= 9 && word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new ByNumber(Integer.parseInt(word));
        }
        return new ByName(new MaterialName(word));
    }

    /** The material this choice names among {@code materials}, sorted by name. */
    default Optional<Material> in(List<Material> materials) {
        return switch (this) {
            case ByName byName -> materials.stream().filter(m -> m.name().equals(byName.name())).findFirst();
            case ByNumber byNumber -> byNumber.number() >= 1 && byNumber.number() <= materials.size()
                    ? Optional.of(materials.get(byNumber.number() - 1)) : Optional.empty();
        };
    }
}
