"""`V1AnimationCreateBodyStyle`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1AnimationCreateBodyStyle(typing_extensions.TypedDict):
    """
    Defines the style of the output video
    """

    art_style: typing_extensions.Required[
        typing_extensions.Literal[
            "Custom",
            "Painterly Illustration",
            "Vibrant Matte Illustration",
            "Traditional Watercolor",
            "Cyberpunk",
            "Ink and Watercolor Portrait",
            "Intricate Abstract Lines Portrait",
            "3D Render",
            "Old School Comic",
            "Bold Colored Illustration",
            "Synthwave",
            "Minimal Cold Futurism",
            "Futuristic Anime",
            "Cinematic Miyazaki",
            "Studio Ghibli Film Still",
            "Soft Delicate Matte Portrait",
            "Cinematic Landscape",
            "Landscape Painting",
            "Photograph",
            "Jackson Pollock",
            "Cubist",
            "Abstract Minimalist",
            "Impressionism",
            "Van Gogh",
            "Woodcut",
            "Oil Painting",
            "Vintage Japanese Anime",
            "Pixar",
            "Cosmic",
            "Pixel Art",
            "Fantasy",
            "Arcane",
            "Sin City",
            "Double Exposure",
            "Painted Cityscape",
            "90s Streets",
            "Overgrown",
            "Postapocalyptic",
            "Spooky",
            "Miniatures",
            "Low Poly",
            "Art Deco",
            "Inkpunk",
            "Dark Graphic Illustration",
            "Dark Watercolor",
            "Faded Illustration",
            "Directed by AI",
        ]
    ]
    """
    The art style used to create the output video
    """

    art_style_custom: typing_extensions.NotRequired[str]
    """
    Describe custom art style. This field is required if `art_style` is `Custom`
    """

    camera_effect: typing_extensions.Required[
        typing_extensions.Literal[
            "Simple Zoom Out",
            "Simple Zoom In",
            "Bounce Out",
            "Spin Bounce",
            "Rolling Bounces",
            "Rise and Climb",
            "Dramatic Zoom In",
            "Dramatic Zoom Out",
            "Sway Out",
            "Boost Zoom In",
            "Boost Zoom Out",
            "Heartbeat",
            "Bounce in Place",
            "Earthquake Bounce",
            "Slice Bounce",
            "Bounce In And Out",
            "Jump",
            "Road Trip",
            "Traverse",
            "Rubber Band",
            "Rodeo",
            "Accelerate",
            "Speed of Light",
            "Drift Spin",
            "Vertigo",
            "Cog in the Machine",
            "Quadrant",
            "Tron",
            "Pusher",
            "Roll In",
            "Hesitate In",
            "Zoom In - Audio Sync",
            "Pulse - Audio Sync",
            "Aggressive Zoom In - Audio Sync",
            "Roll In - Audio Sync",
            "Zoom Out - Audio Sync",
            "Aggressive Zoom Out - Audio Sync",
            "Sway Out - Audio Sync",
            "Bounce and Spin - Audio Sync",
            "Zoom In and Spin - Audio Sync",
            "Vertigo - Audio Sync",
            "Bounce Out - Audio Sync",
            "Earthquake Bounce - Audio Sync",
            "Pusher - Audio Sync",
            "Evolve - Audio Sync",
            "Devolve - Audio Sync",
            "Slideshow",
            "Pan Left",
            "Pan Right",
            "Tilt Up",
            "Tilt Down",
            "Directed by AI",
        ]
    ]
    """
    The camera effect used to create the output video
    """

    prompt_type: typing_extensions.Required[
        typing_extensions.Literal["custom", "use_lyrics", "ai_choose"]
    ]
    """
    * `custom` - Use your own prompt for the video.
    * `use_lyrics` - Use the lyrics of the audio to create the prompt. If this option is selected, then `assets.audio_source` must be `file` or `youtube`.
    * `ai_choose` - Let AI write the prompt. If this option is selected, then `assets.audio_source` must be `file` or `youtube`.
    """

    prompt: typing_extensions.NotRequired[str]
    """
    The prompt used for the video. Prompt is required if `prompt_type` is `custom`. Otherwise this value is ignored
    """

    transition_speed: typing_extensions.Required[int]
    """
    Change determines how quickly the video's content changes across frames.
    * Higher = more rapid transitions.
    * Lower = more stable visual experience.
    """
