// Small synthetic policies in our own words (no upstream prose) for the multi-document
// tests: the same policy in Spanish, English and Japanese, each with the standard headings
// and a four-rung ladder.

/** A short English policy in the Covenant 2.x structure. */
export const ENGLISH = `# Harbor Project Code of Conduct

## Our Pledge

We want the Harbor community to be a friendly place for everyone who takes part, whatever their background or identity.

## Our Standards

Good conduct includes listening with patience, giving useful feedback and owning our mistakes. Insults, unwanted attention and publishing someone's private details are not acceptable.

## Enforcement Responsibilities

The maintainers explain these standards and act when someone breaks them.

## Scope

This policy covers the Harbor repositories, chat rooms and events, and anyone speaking for the project.

## Enforcement

Tell the maintainers about a problem by writing to safety@harbor-project.dev. Every report is kept private.

## Enforcement Guidelines

### 1. Correction

**Community Impact**: Rude words or behaviour that makes others feel unwelcome.

**Consequence**: A private note from the maintainers explaining what went wrong.

### 2. Warning

**Community Impact**: A single serious incident or a series of smaller ones.

**Consequence**: A warning and a period without contact with the people involved.

### 3. Temporary Ban

**Community Impact**: A grave breach, or continued bad behaviour after a warning.

**Consequence**: A break from all project spaces for a set time.

### 4. Permanent Ban

**Community Impact**: A pattern of harassment or hostility toward people or groups.

**Consequence**: Removal from the community for good.

## Attribution

This policy was written for the Harbor project by its maintainers.
`;

/** The same policy in Spanish. */
export const SPANISH = `# Código de conducta del proyecto Harbor

## Nuestro compromiso

Queremos que la comunidad de Harbor sea un lugar amable para todas las personas que participan, sea cual sea su origen o identidad.

## Nuestros estándares

Una buena conducta incluye escuchar con paciencia, dar comentarios útiles y reconocer nuestros errores. Los insultos, la atención no deseada y publicar datos privados de otra persona no son aceptables.

## Aplicación de las responsabilidades

Las personas que mantienen el proyecto explican estas normas y actúan cuando alguien las incumple.

## Alcance

Esta política cubre los repositorios, las salas de chat y los eventos de Harbor, y a quien hable en nombre del proyecto.

## Aplicación

Para avisar de un problema, escribe a safety@harbor-project.dev. Cada aviso se trata con discreción.

## Guías de Aplicación

### 1. Corrección

**Impacto en la Comunidad**: Palabras groseras o un comportamiento que hace sentir excluidas a otras personas.

**Consecuencia**: Una nota privada de las personas que mantienen el proyecto que explica qué salió mal.

### 2. Aviso

**Impacto en la Comunidad**: Un incidente grave o una serie de incidentes menores.

**Consecuencia**: Un aviso y un periodo sin contacto con las personas implicadas.

### 3. Expulsión temporal

**Impacto en la Comunidad**: Una falta grave, o un mal comportamiento que sigue después de un aviso.

**Consecuencia**: Una pausa de todos los espacios del proyecto durante un tiempo fijado.

### 4. Expulsión permanente

**Impacto en la Comunidad**: Un patrón de acoso u hostilidad hacia personas o grupos.

**Consecuencia**: La salida definitiva de la comunidad.

## Atribución

Esta política fue escrita para el proyecto Harbor por quienes lo mantienen.
`;

/** The same policy in Japanese, with the standard Japanese headings. */
export const JAPANESE = `# ハーバー・プロジェクト行動規範

## 私たちの約束

ハーバーのコミュニティを、背景や属性にかかわらず、参加するすべての人にとって居心地のよい場所にしたいと考えています。

## 私たちの標準

よい振る舞いとは、辛抱強く耳を傾け、役に立つ意見を伝え、自分の間違いを認めることです。侮辱、望まれない接触、他人の個人情報の公開は認められません。

## 執行責任

メンテナーはこの標準を説明し、それが破られたときに対応します。

## 適用範囲

この規範は、ハーバーのリポジトリ、チャット、イベント、そしてプロジェクトを代表して話すすべての人に適用されます。

## 執行

問題があれば safety@harbor-project.dev までメンテナーに知らせてください。報告はすべて非公開で扱います。

## 執行ガイドライン

### 1. 更生

**コミュニティへの影響**: 乱暴な言葉や、他の人を歓迎されていないと感じさせる振る舞い。

**帰結**: 何が問題だったかを説明する、メンテナーからの非公開の連絡。

### 2. 警告

**コミュニティへの影響**: 一度の深刻な出来事、または小さな出来事の繰り返し。

**帰結**: 警告と、関係者との接触を控える期間。

### 3. 一時的な禁止

**コミュニティへの影響**: 重大な違反、または警告の後も続く不適切な振る舞い。

**帰結**: 決められた期間、プロジェクトのすべての場から離れること。

### 4. 永久的な禁止

**コミュニティへの影響**: 人や集団に対する嫌がらせや敵意の繰り返し。

**帰結**: コミュニティからの恒久的な除外。

## 帰属

この規範は、ハーバーのメンテナーがこのプロジェクトのために書いたものです。
`;
